package dev.syncledger.processor.store;

/**
 * How one type is written as a store value or internal message. {@link #version()} is written in front of each
 * value; {@link #read} gets the version the value was written with, so that a new release can restore a store
 * or read a topic the previous one wrote.
 */
public interface BinaryFormat<T> {

    /** The version this release writes, 1 to 255. */
    int version();

    void write(T value, BinaryWriter out);

    T read(BinaryReader in, int version);
}
