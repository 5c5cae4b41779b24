package org.starhash.gateway.config;

import java.util.List;
import java.util.Map;

/** The file model of {@code gateway.yaml}, exactly as written; absent keys are null and get defaults later. */
record GatewayFile(Smpp smpp, Http http, Numbering numbering, Store store, Billing billing, Ussd ussd, Sms sms,
                   Map<String, ShortNumber> shortNumbers, Services services, Outbox outbox, Map<String, String> texts) {

    record Smpp(String host, Integer port, String systemId, Integer bindTimeoutSeconds, Integer idleTimeoutSeconds,
                Integer maxConnections, Integer maxConnectionsPerAddress, List<Account> accounts) {
    }

    record Account(String systemId, String password) {
    }

    record Numbering(String countryCode, String nationalPrefix) {
    }

    record Store(Integer maxBatch, Integer queueCapacity, Integer checkpointSeconds, Integer journalSegmentMb,
                 Integer cacheEntries, String seedSubscribers) {
    }

    record Billing(String zone) {
    }

    record Http(String host, Integer port, String ussdToken, String adminToken, Integer idleTimeoutSeconds,
                Integer requestTimeoutSeconds, Integer maxHeaderBytes, Integer maxConnections,
                Integer maxConnectionsPerAddress) {
    }

    record Ussd(Map<String, String> codes, String menus, Integer dialogueTimeoutSeconds, String dialogueReference,
                Keys keys, Integer menuReloadSeconds) {
    }

    record Keys(String back, String home, String more) {
    }

    record Sms(Boolean transliterate, Integer concatTimeoutSeconds, Integer concatMaxWaiting) {
    }

    record ShortNumber(String moPrice, Map<String, String> keywords, List<String> free, String anyText) {
    }

    record Services(String sender, TopUp topup, Callback callback, CollectCall collectCall, Barring barring,
                    Forwarding forwarding, Roaming roaming, Premium premium, SpendAlert spendAlert, Usage usage,
                    Otp otp, StormAlerts stormAlerts, Directory directory, Donations donations,
                    Map<String, Provider> contentProviders, List<Offer> catalogue) {
    }

    record Offer(String id, String name, String kind, String price, Integer days, String terms,
                 @com.fasterxml.jackson.annotation.JsonProperty("for") String forWhom) {
    }

    record Otp(Integer validSeconds, Integer resendSeconds, Integer maxSends, Integer windowMinutes, Integer maxAttempts) {
    }

    record Usage(Integer keepIdsDays) {
    }

    record Premium(String monthlyLimit) {
    }

    record SpendAlert(Integer threshold) {
    }

    record Roaming(String euLimit, String nonEuLimit, String euRaise, Integer nonEuRaiseMb) {
    }

    record StormAlerts(Integer maxPlaces, String radarLink, List<String> places) {
    }

    record Directory(String file, String price, Integer maxResults) {
    }

    record Donations(String number, Map<String, Donation> keywords) {
    }

    record Donation(String charity, String amount) {
    }

    record Provider(String name, String contact, Map<String, List<String>> stop) {
    }

    record TopUp(List<String> amounts, String dailyLimit) {
    }

    record Callback(Integer dailyLimit) {
    }

    record CollectCall(String pricePerTenMinutes, String callerNotice) {
    }

    record Barring(String defaultPin, Integer maxWrongPins) {
    }

    record Forwarding(Integer defaultRingSeconds) {
    }

    record Outbox(Integer window, Integer responseTimeoutSeconds, Integer retryMinSeconds, Integer retryMaxSeconds,
                  String smsAccount, String ussdAccount) {
    }
}
