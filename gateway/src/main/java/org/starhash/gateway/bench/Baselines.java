package org.starhash.gateway.bench;

import org.jsmpp.bean.OptionalParameter;
import org.starhash.gateway.Gateway;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.store.Store;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;

/** The three servers a benchmark compares, started in this process on a loopback port. */
public final class Baselines {

    /**
     * What the two baselines answer: as long as the gateway's answer to PORABA and in the same alphabet
     * (UCS-2), so all three move the same bytes.
     */
    static final String REPLY_TEXT = "Vaša informativna dodatna poraba v mesecu 11/2026 je 7,35 EUR.";

    /** The servers, in the order a full run measures them. */
    public enum Kind {
        BARE, JSMPP, STARHASH;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Baselines() {
    }

    /** The TLVs of a baseline's reply: a USSD MO is answered as a final screen (PSSR response, op 17). */
    static OptionalParameter[] replyTlvs(boolean ussd) {
        return ussd ? new OptionalParameter[]{new OptionalParameter.Ussd_service_op((byte) 17)} : new OptionalParameter[0];
    }

    /**
     * Starts a server. The gateway gets its full config, a store in {@code dataDir} and {@code subscribers}
     * subscribers from {@code firstMsisdn}, and an HTTP listener on a free port when {@code http}; the baselines
     * accept any bind.
     */
    public static BenchServer start(Kind kind, GatewayConfig config, Path dataDir, long firstMsisdn, int subscribers,
                                    int queueCapacity, boolean http) throws Exception {
        String host = config.smpp().host();
        return switch (kind) {
            case BARE -> new BareResponder(host, 0, REPLY_TEXT);
            case JSMPP -> new JsmppPeer(InetAddress.getByName(host), 0, queueCapacity, REPLY_TEXT);
            case STARHASH -> {
                Clock clock = Clock.systemUTC();
                // Created and checkpointed before the start, as imported subscribers are long before traffic.
                try (Store store = Store.open(dataDir.resolve(Gateway.STORE_DIRECTORY), config.store())) {
                    BenchSubscribers.create(store, firstMsisdn, subscribers, YearMonth.now(clock.withZone(config.zone())));
                }
                Gateway gateway = Gateway.start(config.withPorts(0, http ? 0 : -1), dataDir, clock);
                yield new BenchServer() {
                    @Override
                    public int port() {
                        return gateway.smppAddress().getPort();
                    }

                    @Override
                    public int httpPort() {
                        return gateway.httpAddress().map(InetSocketAddress::getPort).orElse(-1);
                    }

                    @Override
                    public void close() throws Exception {
                        gateway.close();
                    }
                };
            }
        };
    }
}
