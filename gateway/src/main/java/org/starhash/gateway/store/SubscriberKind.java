package org.starhash.gateway.store;

/** How a subscriber pays: from a balance (Mobi, predplačnik) or on the monthly bill (naročnik). */
public enum SubscriberKind {
    PREPAID,
    POSTPAID
}
