package org.starhash.gateway.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings rows written before the roaming price SMS existed read with it on, its default. */
class FlagsTest {

    @Test
    void aRowOfTheFirstVersionHasTheRoamingPriceSmsOnAndKeepsItsOtherSettings() {
        byte[] v1 = new BinaryOut(9).u8(1).i64(Flag.BAR_DATA.mask()).toBytes();
        FlagSet read = Flags.TABLE.codec().decode(v1);
        assertTrue(read.has(Flag.BAR_DATA));
        assertTrue(read.has(Flag.ROAMING_PRICE_SMS));
        FlagSet off = read.with(Flag.ROAMING_PRICE_SMS, false);
        FlagSet again = Flags.TABLE.codec().decode(Flags.TABLE.codec().encode(off));
        assertFalse(again.has(Flag.ROAMING_PRICE_SMS), "switched off stays off");
        assertEquals(off, again);
        assertTrue(FlagSet.defaultsFor(SubscriberKind.POSTPAID).has(Flag.ROAMING_PRICE_SMS));
    }
}
