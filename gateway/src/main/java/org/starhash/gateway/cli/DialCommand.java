package org.starhash.gateway.cli;

import org.starhash.gateway.smpp.SmppClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Dials a USSD code as a handset would: prints each screen, reads the answer from the terminal, until the
 * gateway ends the dialogue (or the input ends).
 */
@Command(name = "dial", description = "Hold a USSD dialogue with a running gateway: print each screen, type the answers.",
        mixinStandardHelpOptions = true)
final class DialCommand implements Callable<Integer> {

    /** ussd_service_op of a screen that wants an answer (USSR request). */
    private static final int USSR_REQUEST = 2;

    @Parameters(index = "0", paramLabel = "MSISDN", description = "the dialling handset, e.g. 070000001")
    String msisdn;

    @Parameters(index = "1", paramLabel = "CODE", description = "the dialled string, e.g. '*122#' or '*122*1*2*1#'")
    String code;

    @Mixin
    PeerOptions peer;

    @Override
    public Integer call() throws Exception {
        BufferedReader terminal = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (SmppClient client = peer.connect()) {
            client.dial(msisdn, code);
            while (true) {
                SmppClient.Received screen = client.next(Duration.ofSeconds(peer.waitSeconds));
                if (screen == null) {
                    System.err.println("starhash: no answer within " + peer.waitSeconds + " s");
                    return 1;
                }
                if (!screen.to().equals(msisdn)) {
                    // USSD for another handset on the same bind, such as a collect-call question.
                    System.out.println("[to " + screen.to() + "] " + screen.text().replace('\n', ' '));
                    continue;
                }
                System.out.println(screen.text());
                if (screen.ussdOp() != USSR_REQUEST) {
                    return 0;
                }
                System.out.print("> ");
                System.out.flush();
                String answer = terminal.readLine();
                if (answer == null) {
                    System.out.println();
                    return 0;
                }
                client.answer(msisdn, screen.from(), answer.strip());
            }
        }
    }
}
