package org.starhash.gateway.smpp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageDecoder;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Command;
import org.jsmpp.util.DefaultDecomposer;
import org.jsmpp.util.PDUDecomposer;

import java.util.List;

/** Turns one frame into an {@link InboundPdu} with jsmpp's decomposer; it keeps no state. */
public final class PduDecoder extends MessageToMessageDecoder<ByteBuf> {

    public static final int HEADER_BYTES = 16;

    private final PDUDecomposer decomposer = new DefaultDecomposer();

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        if (frame.readableBytes() < HEADER_BYTES) {
            throw new CorruptedFrameException("command_length " + frame.readableBytes() + " is shorter than a PDU header");
        }
        byte[] bytes = ByteBufUtil.getBytes(frame);
        Command header = decomposer.header(bytes);
        try {
            Command body = switch (header.getCommandId()) {
                case SMPPConstant.CID_BIND_RECEIVER, SMPPConstant.CID_BIND_TRANSMITTER,
                     SMPPConstant.CID_BIND_TRANSCEIVER -> decomposer.bind(bytes);
                case SMPPConstant.CID_SUBMIT_SM -> decomposer.submitSm(bytes);
                case SMPPConstant.CID_DELIVER_SM -> decomposer.deliverSm(bytes);
                case SMPPConstant.CID_DATA_SM -> decomposer.dataSm(bytes);
                default -> header;
            };
            out.add(new InboundPdu.Decoded(header.getCommandId(), header.getCommandStatus(), header.getSequenceNumber(),
                    body));
        } catch (PDUStringException e) {
            out.add(new InboundPdu.Malformed(header.getCommandId(), header.getCommandStatus(),
                    header.getSequenceNumber(), e.getMessage(), e.getErrorCode()));
        } catch (RuntimeException e) {
            // jsmpp reads past the end of a body that is shorter than its fields claim.
            out.add(new InboundPdu.Malformed(header.getCommandId(), header.getCommandStatus(),
                    header.getSequenceNumber(), "body does not decode: " + e, SMPPConstant.STAT_ESME_RINVMSGLEN));
        }
    }
}
