package org.starhash.gateway.store;

/** Turns a stored value into bytes and back; the bytes are what the journal and MapDB keep. */
public interface Codec<V> {

    byte[] encode(V value);

    V decode(byte[] bytes);
}
