package org.starhash.gateway.sms;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any user data header is read or refused with IllegalArgumentException; parts read from any headers join
 * into at most one message per reference, never more parts than the header announced.
 */
class ConcatenationFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyHeaderIsReadOrRefusedAndPartsJoinSoundly(FuzzedDataProvider data) {
        Reassembly reassembly = new Reassembly(60_000_000_000L, 16);
        List<Reassembly.Dropped> dropped = new ArrayList<>();
        while (data.remainingBytes() > 0) {
            byte[] message = data.consumeBytes(data.consumeInt(0, 200));
            Concatenation.Header header;
            try {
                header = Concatenation.header(message);
            } catch (IllegalArgumentException refused) {
                continue;
            }
            assertTrue(header.length() <= message.length, "header longer than the message");
            header.concatenation().ifPresent(c -> {
                assertTrue(c.number() >= 1 && c.number() <= c.total(), "part " + c.number() + " of " + c.total());
                byte[] body = java.util.Arrays.copyOfRange(message, header.length(), message.length);
                reassembly.add(new Reassembly.Part("38641000001", "7070", (byte) 0, c, body), 0, dropped)
                        .ifPresent(joined -> assertTrue(joined.parts().size() == c.total(), "joined "
                                + joined.parts().size() + " parts of " + c.total()));
            });
        }
        assertTrue(reassembly.waiting() <= 16, "more messages wait than the cap");
    }
}
