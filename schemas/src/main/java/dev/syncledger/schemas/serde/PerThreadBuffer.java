package dev.syncledger.schemas.serde;

import java.io.ByteArrayOutputStream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * One growable output buffer and Avro encoder per thread, so that encoding allocates only the returned array
 * while staying safe for several Kafka Streams threads sharing one codec.
 */
final class PerThreadBuffer extends ByteArrayOutputStream {

    // An occasional huge record should not pin its buffer to the thread for good.
    private static final int KEEP_AT_MOST = 1 << 20;
    private static final ThreadLocal<PerThreadBuffer> BUFFERS = ThreadLocal.withInitial(PerThreadBuffer::new);

    private BinaryEncoder encoder;

    private PerThreadBuffer() {
        super(512);
    }

    /** This thread's buffer, emptied. Not re-entrant: finish with it before asking again. */
    static PerThreadBuffer empty() {
        PerThreadBuffer buffer = BUFFERS.get();
        if (buffer.buf.length > KEEP_AT_MOST) {
            buffer = new PerThreadBuffer();
            BUFFERS.set(buffer);
        }
        buffer.reset();
        return buffer;
    }

    /** An unbuffered encoder writing straight into this buffer, so nothing needs flushing. */
    BinaryEncoder encoder() {
        encoder = EncoderFactory.get().directBinaryEncoder(this, encoder);
        return encoder;
    }

    void writeIntBigEndian(int value) {
        write(value >>> 24);
        write(value >>> 16);
        write(value >>> 8);
        write(value);
    }
}
