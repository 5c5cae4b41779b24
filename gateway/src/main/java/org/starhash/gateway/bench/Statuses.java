package org.starhash.gateway.bench;

import org.jsmpp.SMPPConstant;

/** Readable names of the command_status values a benchmark meets. */
final class Statuses {

    private Statuses() {
    }

    static String name(int status) {
        if (status == Tally.TIMEOUT) {
            return "no answer within 30 s";
        }
        String name = switch (status) {
            case SMPPConstant.STAT_ESME_ROK -> "ESME_ROK";
            case SMPPConstant.STAT_ESME_RTHROTTLED -> "ESME_RTHROTTLED";
            case SMPPConstant.STAT_ESME_RMSGQFUL -> "ESME_RMSGQFUL";
            case SMPPConstant.STAT_ESME_RSYSERR -> "ESME_RSYSERR";
            case SMPPConstant.STAT_ESME_RINVSRCADR -> "ESME_RINVSRCADR";
            case SMPPConstant.STAT_ESME_RINVDSTADR -> "ESME_RINVDSTADR";
            case SMPPConstant.STAT_ESME_RINVBNDSTS -> "ESME_RINVBNDSTS";
            case SMPPConstant.STAT_ESME_RINVPASWD -> "ESME_RINVPASWD";
            case SMPPConstant.STAT_ESME_RINVSYSID -> "ESME_RINVSYSID";
            case SMPPConstant.STAT_ESME_RINVCMDID -> "ESME_RINVCMDID";
            case SMPPConstant.STAT_ESME_RINVCMDLEN -> "ESME_RINVCMDLEN";
            default -> null;
        };
        return String.format("0x%08X", status) + (name == null ? "" : " " + name);
    }
}
