package tn.diwan.mongo;

import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the store's maps: MVStore's {@link ObjectDataType}, in the same order, faster for
 * unique-index keys. An index key ({@link KeyValue}) is not {@link Comparable}, so ObjectDataType
 * orders two of them by their Java serialisations, serialising both at every comparison of every
 * lookup: a third of the wire server's CPU under writes (measured with JFR). Here the serialisation
 * of a key is kept, per key object, for later comparisons; the order (and so every existing file)
 * is unchanged.
 */
final class KeyOrder extends ObjectDataType {

    /** Kept serialisations are dropped all at once past this many (they are cheap to make again). */
    private static final int MAX_KEPT = 50_000;
    private static final ConcurrentHashMap<Identity, byte[]> KEPT = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue && a != b) {
            return compareNotNull(serialized(a), serialized(b));
        }
        return super.compare(a, b);
    }

    @Override
    public int binarySearch(Object key, Object storage, int size, int initialGuess) {
        if (!(key instanceof KeyValue)) {
            return super.binarySearch(key, storage, size, initialGuess);
        }
        byte[] searched = searchedBytes(key);
        Object[] keys = (Object[]) storage;
        int low = 0;
        int high = size - 1;
        int x = initialGuess - 1;
        if (x < 0 || x > high) {
            x = high >>> 1;
        }
        while (low <= high) {
            Object probe = keys[x];
            int compare = probe instanceof KeyValue ? compareNotNull(searched, serialized(probe)) : super.compare(key, probe);
            if (compare > 0) {
                low = x + 1;
            } else if (compare < 0) {
                high = x - 1;
            } else {
                return x;
            }
            x = (low + high) >>> 1;
        }
        return -(low + 1);
    }

    /**
     * The searched key's serialisation: a lookup searches the same key object in each page from the
     * root to a leaf (three or four), so the last one searched on this thread is kept.
     */
    private static byte[] searchedBytes(Object key) {
        Searched last = LAST_SEARCHED.get();
        if (last != null && last.key == key) {
            return last.bytes;
        }
        byte[] bytes = ObjectDataType.serialize(key);
        LAST_SEARCHED.set(new Searched(key, bytes));
        return bytes;
    }

    private record Searched(Object key, byte[] bytes) {
    }

    private static final ThreadLocal<Searched> LAST_SEARCHED = new ThreadLocal<>();

    private static byte[] serialized(Object key) {
        Identity identity = new Identity(key);
        byte[] bytes = KEPT.get(identity);
        if (bytes == null) {
            bytes = ObjectDataType.serialize(key);
            if (KEPT.size() >= MAX_KEPT) {
                KEPT.clear();
            }
            KEPT.put(identity, bytes);
        }
        return bytes;
    }

    /** A key object, equal only to itself (two equal keys may serialise differently). */
    private record Identity(Object key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }
}
