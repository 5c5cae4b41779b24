package org.starhash.gateway.config;

import org.starhash.gateway.store.Numbering;
import org.starhash.gateway.store.StoreSettings;

import java.net.URL;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The validated configuration the gateway runs on.
 *
 * @param smpp            the SMPP listener
 * @param numbering       the numbering plan
 * @param store           store batching and checkpoints
 * @param seedSubscribers a CSV imported into an empty store at start, if any
 * @param zone            the operator's time zone (billing days and months)
 * @param ussdCodes       service names by USSD service code
 * @param shortNumbers    keyword routes by short number
 * @param texts           the texts for handsets
 */
public record GatewayConfig(SmppSettings smpp, Numbering numbering, StoreSettings store,
                            Optional<URL> seedSubscribers, ZoneId zone, Map<String, String> ussdCodes,
                            Map<String, ShortNumberRoute> shortNumbers, Texts texts) {

    public GatewayConfig {
        ussdCodes = Map.copyOf(ussdCodes);
        shortNumbers = Map.copyOf(shortNumbers);
    }

    /** The same config with another SMPP port; tests use 0 for an ephemeral one. */
    public GatewayConfig withSmppPort(int port) {
        return new GatewayConfig(smpp.withPort(port), numbering, store, seedSubscribers, zone, ussdCodes,
                shortNumbers, texts);
    }
}
