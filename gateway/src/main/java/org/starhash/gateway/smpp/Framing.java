package org.starhash.gateway.smpp;

import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/** Cuts the byte stream into PDUs by their command_length, refusing lengths no SMPP 3.4 PDU has. */
public final class Framing {

    /** The largest PDU we read; SMPP 3.4 PDUs are far smaller, a bigger length is garbage or an attack. */
    public static final int MAX_PDU_BYTES = 64 * 1024;

    private Framing() {
    }

    /** A new frame decoder; it keeps state, so one per connection. */
    public static LengthFieldBasedFrameDecoder decoder() {
        // command_length counts itself: length field at 0, 4 bytes, frame = command_length bytes.
        return new LengthFieldBasedFrameDecoder(MAX_PDU_BYTES, 0, 4, -4, 0, true);
    }
}
