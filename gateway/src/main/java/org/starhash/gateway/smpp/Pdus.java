package org.starhash.gateway.smpp;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.PDUComposer;

/** Composes the PDUs the server sends with jsmpp's composer; a value jsmpp refuses is a bug of ours. */
public final class Pdus {

    private static final PDUComposer COMPOSER = new DefaultComposer();

    private Pdus() {
    }

    /** The sequence_number after {@code current}: 1 to 0x7FFFFFFF and round again (SMPP 3.4 §3.2). */
    public static int nextSequence(int current) {
        return current >= 0x7FFFFFFF ? 1 : current + 1;
    }

    /** A PDU that is only a header: negative responses and bodiless commands. */
    public static byte[] header(int commandId, int status, int sequence) {
        return COMPOSER.composeHeader(commandId, status, sequence);
    }

    public static byte[] genericNack(int status, int sequence) {
        return COMPOSER.genericNack(status, sequence);
    }

    public static byte[] enquireLinkResp(int sequence) {
        return COMPOSER.enquireLinkResp(sequence);
    }

    public static byte[] unbind(int sequence) {
        return COMPOSER.unbind(sequence);
    }

    public static byte[] unbindResp(int sequence) {
        return COMPOSER.unbindResp(SMPPConstant.STAT_ESME_ROK, sequence);
    }

    public static byte[] bindResp(int responseId, int sequence, String systemId) {
        try {
            return COMPOSER.bindResp(responseId, sequence, systemId);
        } catch (PDUStringException e) {
            throw new IllegalStateException("system_id refused by the codec: " + systemId, e);
        }
    }

    /** A bind request, as a peer sends it: bind_transmitter, bind_receiver or bind_transceiver. */
    public static byte[] bind(int commandId, int sequence, String systemId, String password) {
        try {
            return COMPOSER.bind(commandId, sequence, systemId, password, "", (byte) 0x34, (byte) 0, (byte) 0, null);
        } catch (PDUStringException e) {
            throw new IllegalArgumentException("cannot compose a bind for " + systemId + ": " + e.getMessage(), e);
        }
    }

    /** The positive response to an MO, carrying the message id we gave it. */
    public static byte[] moResp(int moCommandId, int sequence, String messageId) {
        try {
            return switch (moCommandId) {
                case SMPPConstant.CID_SUBMIT_SM -> COMPOSER.submitSmResp(sequence, messageId);
                case SMPPConstant.CID_DATA_SM -> COMPOSER.dataSmResp(sequence, messageId);
                case SMPPConstant.CID_DELIVER_SM -> COMPOSER.deliverSmResp(SMPPConstant.STAT_ESME_ROK, sequence, messageId);
                default -> throw new IllegalArgumentException("not an MO command: " + moCommandId);
            };
        } catch (PDUStringException e) {
            throw new IllegalStateException("message id refused by the codec: " + messageId, e);
        }
    }

    /** A negative response to a request: the header of its response with the status (SMPP 3.4 §2.3). */
    public static byte[] negative(int requestCommandId, int status, int sequence) {
        return header(requestCommandId | SMPPConstant.MASK_CID_RESP, status, sequence);
    }

    /** A deliver_sm: a message towards an ESME bound to us. */
    public static byte[] deliverSm(int sequence, String serviceType, Address from, Address to, byte esmClass,
                                   byte dataCoding, byte[] shortMessage, OptionalParameter... tlvs) {
        try {
            return COMPOSER.deliverSm(sequence, serviceType, from.ton(), from.npi(), from.address(), to.ton(),
                    to.npi(), to.address(), esmClass, (byte) 0, (byte) 0, (byte) 0, dataCoding, shortMessage, tlvs);
        } catch (PDUStringException e) {
            throw new IllegalArgumentException("cannot compose a deliver_sm to " + to.address() + ": " + e.getMessage(), e);
        }
    }

    /** A submit_sm: a message towards an SMSC, or an MO as a handset's network sends it to us. */
    public static byte[] submitSm(int sequence, String serviceType, Address from, Address to, byte esmClass,
                                  byte dataCoding, byte[] shortMessage, OptionalParameter... tlvs) {
        try {
            return COMPOSER.submitSm(sequence, serviceType, from.ton(), from.npi(), from.address(), to.ton(), to.npi(),
                    to.address(), esmClass, (byte) 0, (byte) 0, null, null, (byte) 0, (byte) 0, dataCoding, (byte) 0,
                    shortMessage, tlvs);
        } catch (PDUStringException e) {
            throw new IllegalArgumentException("cannot compose a submit_sm to " + to.address() + ": " + e.getMessage(), e);
        }
    }

    /**
     * An SMPP address with its type of number and numbering plan.
     *
     * @param ton     type of number
     * @param npi     numbering plan indicator
     * @param address the digits (or alphanumeric sender)
     */
    public record Address(byte ton, byte npi, String address) {
    }
}
