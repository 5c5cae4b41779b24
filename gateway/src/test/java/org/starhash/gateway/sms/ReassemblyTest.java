package org.starhash.gateway.sms;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Joining the parts of a long MO, in any order, and giving up on those that never complete. */
class ReassemblyTest {

    private static final long SECOND = 1_000_000_000L;

    private static Reassembly.Part part(String from, int ref, int total, int number, String text) {
        return new Reassembly.Part(from, "7070", (byte) 0, new Concatenation(ref, total, number),
                text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void partsInAnyOrderJoinOnceTheLastComes() {
        Reassembly r = new Reassembly(60 * SECOND, 10);
        List<Reassembly.Dropped> dropped = new ArrayList<>();
        assertTrue(r.add(part("a", 7, 3, 3, "three"), 0, dropped).isEmpty());
        assertTrue(r.add(part("a", 7, 3, 1, "one "), 0, dropped).isEmpty());
        assertTrue(r.add(part("a", 7, 3, 1, "one "), 0, dropped).isEmpty(), "a repeated part completes nothing");
        Optional<Reassembly.Joined> joined = r.add(part("a", 7, 3, 2, "two "), 0, dropped);
        assertEquals("one two three", new String(joined.orElseThrow().body(), StandardCharsets.US_ASCII));
        assertEquals(0, r.waiting());
    }

    @Test
    void theSameReferenceFromTwoSendersIsTwoMessages() {
        Reassembly r = new Reassembly(60 * SECOND, 10);
        List<Reassembly.Dropped> dropped = new ArrayList<>();
        r.add(part("a", 7, 2, 1, "a1"), 0, dropped);
        r.add(part("b", 7, 2, 2, "b2"), 0, dropped);
        assertEquals(2, r.waiting());
    }

    @Test
    void incompleteMessagesAreDroppedAfterTheTimeoutAndWhenTooManyWait() {
        Reassembly r = new Reassembly(60 * SECOND, 2);
        List<Reassembly.Dropped> dropped = new ArrayList<>();
        r.add(part("a", 1, 2, 1, "x"), 0, dropped);
        r.add(part("b", 1, 2, 1, "x"), 10 * SECOND, dropped);
        r.add(part("c", 1, 3, 1, "x"), 20 * SECOND, dropped);
        assertEquals(List.of(new Reassembly.Dropped("a", "7070", 1, 2, "too many incomplete messages")), dropped);
        assertEquals(List.of(), r.expire(69 * SECOND));
        assertEquals(List.of(new Reassembly.Dropped("b", "7070", 1, 2, "timeout")), r.expire(70 * SECOND));
        assertEquals(1, r.waiting());
    }

    @Test
    void headersNameEightAndSixteenBitReferencesAndRefuseNonsense() {
        byte[] eight = {5, 0, 3, 9, 3, 2, 'h', 'i'};
        assertEquals(new Concatenation(9, 3, 2), Concatenation.header(eight).concatenation().orElseThrow());
        assertEquals(6, Concatenation.header(eight).length());
        byte[] sixteen = {6, 8, 4, 1, 2, 4, 4, 'h'};
        assertEquals(new Concatenation(258, 4, 4), Concatenation.header(sixteen).concatenation().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> Concatenation.header(new byte[] {9, 0, 3}));
        assertThrows(IllegalArgumentException.class, () -> Concatenation.header(new byte[] {5, 0, 3, 9, 3, 4}));
        assertEquals(Optional.empty(), Concatenation.header(new byte[] {2, 0x70, 0, 'x'}).concatenation());
    }
}
