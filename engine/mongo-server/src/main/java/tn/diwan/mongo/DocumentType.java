package tn.diwan.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The value type of the store's maps: a document is written as BSON, after a tag of its own; any other
 * value as MVStore's {@link ObjectDataType} writes it. MVStore wrote a document with Java serialisation
 * (its class descriptors, then each field's), which was about a third of the wire server's CPU under
 * load: each write command's record in the {@link RedoLog}, and each page a checkpoint rewrites, whole.
 * Values written before (Java serialisation's tag) are still read, and each is written as BSON the
 * next time its page is; a file written by this type can't be read by a build before it.
 * <p>
 * Every document the store holds came from the wire or from mongo-java-server's own commands, whose
 * replies are encoded with the same {@link BsonEncoder}: BSON holds each of its values, with its type.
 */
final class DocumentType extends ObjectDataType {

    /** A tag {@link ObjectDataType} doesn't use (its types are 0–19, its tags 32–49 and 64–119). */
    static final byte BSON_DOCUMENT = 20;

    /** One encoding buffer per thread (commands, under the write lock; checkpoints, on the store's thread). */
    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    /** MVStore's cache is sized by estimates: the average size of the documents written, as Java serialisation's was. */
    private volatile int averageSize = 512;

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document ? averageSize : super.getMemory(obj);
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (!(obj instanceof Document document)) {
            super.write(buff, obj);
            return;
        }
        ByteBuf bson = BUFFER.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        int length = bson.readableBytes();
        buff.put(BSON_DOCUMENT).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        averageSize = (15 * averageSize + 2 * length) / 16;
        if (bson.capacity() > (1 << 20)) BUFFER.remove(); // a large document's buffer is not kept
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON_DOCUMENT) return super.read(buff);
        buff.get();
        // BSON starts with its whole length, little-endian
        int length = Integer.reverseBytes(buff.getInt(buff.position()));
        ByteBuffer bson = buff.slice(buff.position(), length);
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
}
