package org.starhash.gateway.store;

/**
 * The settings a subscriber has switched on. Bits this version does not know are kept as they are, so an
 * older gateway never clears what a newer one set.
 *
 * @param bits one bit per {@link Flag}
 */
public record FlagSet(long bits) {

    public static final FlagSet NONE = new FlagSet(0);

    /**
     * What a subscriber has before changing anything: prepaid users start with 090 numbers barred, which only
     * they may lift (seed 002, "Blokada številke"); everyone gets the roaming price SMS.
     */
    public static FlagSet defaultsFor(SubscriberKind kind) {
        FlagSet base = NONE.with(Flag.ROAMING_PRICE_SMS, true);
        return kind == SubscriberKind.PREPAID ? base.with(Flag.BAR_PREMIUM, true) : base;
    }

    public boolean has(Flag flag) {
        return (bits & flag.mask()) != 0;
    }

    public FlagSet with(Flag flag, boolean on) {
        return new FlagSet(on ? bits | flag.mask() : bits & ~flag.mask());
    }
}
