package tn.diwan.mongo;

import de.bwaldvogel.mongo.MongoVersion;

import java.util.List;

/**
 * The MongoDB version the server reports in hello / isMaster / buildInfo.
 * MongoDB 6.0 = wire version 17, the minimum the current Node driver (mongodb 7, Mongoose 9) accepts comfortably.
 */
enum ReportedVersion implements MongoVersion {
    MONGO_6_0(List.of(6, 0, 0), 17);

    private final List<Integer> versionArray;
    private final int wireVersion;

    ReportedVersion(List<Integer> versionArray, int wireVersion) {
        this.versionArray = versionArray;
        this.wireVersion = wireVersion;
    }

    @Override
    public List<Integer> getVersionArray() {
        return versionArray;
    }

    @Override
    public int getWireVersion() {
        return wireVersion;
    }
}
