package org.starhash.gateway.config;

import org.starhash.gateway.store.StoreSettings;
import org.starhash.gateway.values.Numbering;

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
 * @param http            the HTTP listener
 * @param ussd            USSD codes, menus and dialogues
 * @param sms             how SMS text is handled
 * @param shortNumbers    keyword routes by short number
 * @param services        amounts, caps, prices and defaults of the services
 * @param keywords        the tables and amounts of the SMS keyword services
 * @param otp             one-time codes by SMS
 * @param catalogue       the services and packages subscribers switch on and off
 * @param outbox          how messages to other handsets are delivered
 * @param texts           the texts for handsets
 */
public record GatewayConfig(SmppSettings smpp, HttpSettings http, Numbering numbering, StoreSettings store,
                            Optional<URL> seedSubscribers, ZoneId zone, UssdSettings ussd, SmsSettings sms,
                            Map<String, ShortNumberRoute> shortNumbers, ServiceSettings services,
                            KeywordSettings keywords, OtpSettings otp, Catalogue catalogue, OutboxSettings outbox,
                            Texts texts) {

    public GatewayConfig {
        shortNumbers = Map.copyOf(shortNumbers);
    }

    /** The same config with another outbox; tests shorten its timeouts. */
    public GatewayConfig withOutbox(OutboxSettings newOutbox) {
        return new GatewayConfig(smpp, http, numbering, store, seedSubscribers, zone, ussd, sms, shortNumbers, services,
                keywords, otp, catalogue, newOutbox, texts);
    }

    /** Built-in service names by USSD service code. */
    public Map<String, String> ussdCodes() {
        return ussd.codes();
    }

    /** The same config with other listener ports; tests use 0 for ephemeral ones. */
    public GatewayConfig withPorts(int smppPort, int httpPort) {
        return new GatewayConfig(smpp.withPort(smppPort), http.withPort(httpPort), numbering, store, seedSubscribers,
                zone, ussd, sms, shortNumbers, services, keywords, otp, catalogue, outbox, texts);
    }

    /** The same config with another admin token. */
    public GatewayConfig withAdminToken(String token) {
        return new GatewayConfig(smpp, http.withAdminToken(token), numbering, store, seedSubscribers, zone, ussd, sms,
                shortNumbers, services, keywords, otp, catalogue, outbox, texts);
    }

    /** The same config with other USSD settings. */
    public GatewayConfig withUssd(UssdSettings newUssd) {
        return new GatewayConfig(smpp, http, numbering, store, seedSubscribers, zone, newUssd, sms, shortNumbers, services,
                keywords, otp, catalogue, outbox, texts);
    }
}
