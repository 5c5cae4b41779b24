package org.starhash.gateway.cli;

import org.starhash.gateway.smpp.SmppClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** Sends one SMS from a handset to a short number and prints every reply. */
@Command(name = "sms", description = "Send one MO SMS to a running gateway and print the replies.",
        mixinStandardHelpOptions = true)
final class SmsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MSISDN", description = "the sending handset, e.g. 041000001")
    String msisdn;

    @Parameters(index = "1", paramLabel = "TO", description = "the short number, e.g. 7070")
    String to;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "TEXT", description = "the message text")
    List<String> text;

    @Mixin
    PeerOptions peer;

    @Override
    public Integer call() throws Exception {
        try (SmppClient client = peer.connect()) {
            client.sendSms(msisdn, to, String.join(" ", text));
            List<SmppClient.Received> replies = client.drain(Duration.ofSeconds(peer.waitSeconds), Duration.ofSeconds(1));
            if (replies.isEmpty()) {
                System.err.println("starhash: no reply within " + peer.waitSeconds + " s");
                return 1;
            }
            replies.forEach(r -> System.out.println(r.from() + ": " + r.text()));
            return 0;
        }
    }
}
