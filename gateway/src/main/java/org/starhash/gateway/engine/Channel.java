package org.starhash.gateway.engine;

/** How a request reached the gateway, which decides how it is routed and answered. */
public enum Channel {
    /** A dialled USSD string; the answer is a screen. */
    USSD,
    /** A keyword SMS to a short number; the answer is an SMS. */
    SMS
}
