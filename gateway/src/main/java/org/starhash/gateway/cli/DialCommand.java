package org.starhash.gateway.cli;

import org.starhash.gateway.smpp.SmppClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Dials a USSD code as a handset would and prints the screen the gateway answers. */
@Command(name = "dial", description = "Open a USSD dialogue against a running gateway and print the answer.",
        mixinStandardHelpOptions = true)
final class DialCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MSISDN", description = "the dialling handset, e.g. 070000001")
    String msisdn;

    @Parameters(index = "1", paramLabel = "CODE", description = "the dialled string, e.g. '*123#'")
    String code;

    @Mixin
    PeerOptions peer;

    @Override
    public Integer call() throws Exception {
        try (SmppClient client = peer.connect()) {
            client.dial(msisdn, code);
            SmppClient.Received screen = client.next(Duration.ofSeconds(peer.waitSeconds));
            if (screen == null) {
                System.err.println("starhash: no answer within " + peer.waitSeconds + " s");
                return 1;
            }
            System.out.println(screen.text());
            return 0;
        }
    }
}
