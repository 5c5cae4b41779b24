package org.starhash.gateway.services;

import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.ServiceSettings;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.values.Numbering;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The built-in services by the names routes use. */
public final class Services {

    /** The names the config may route codes and keywords to, known before the texts are loaded. */
    public static final Set<String> NAMES = Set.of("balance", "spend", "topup", "callback", "collect_call",
            "call_waiting", "forwarding", "barring", "roaming_limit", "storm_alerts", "spp", "donation", "directory",
            "content_stop", "spend_limit", "account_overdue", "account_reactivate");
    /** Services only menu actions call, because they need parameters. */
    public static final Set<String> ACTIONS_ONLY = Set.of("set");
    /** Services only the gateway itself calls: the answer to a network-initiated question. */
    public static final Set<String> INTERNAL = Set.of(CollectCallService.ANSWER);

    private Services() {
    }

    /** Every built-in service, set up with the configured texts and settings. */
    public static Map<String, Service> builtIn(GatewayConfig config) {
        Texts texts = config.texts();
        Numbering numbering = config.numbering();
        ServiceSettings settings = config.services();
        Map<String, Service> byName = new LinkedHashMap<>();
        for (Service s : List.of(new BalanceService(texts), new SpendService(texts), new SettingsService(),
                new TopUpService(texts, numbering, settings), new CallbackService(texts, numbering, settings),
                new CollectCallService(texts, numbering, settings),
                new CollectCallAnswerService(texts, numbering, settings), new CallWaitingService(texts),
                new ForwardingService(texts, numbering, settings), new BarringService(texts, settings),
                new RoamingLimitService(texts, config.keywords().roaming()),
                new StormAlertService(texts, config.keywords().storm()), new SppService(texts),
                new DonationService(texts, config.keywords().donations()),
                new DirectoryService(texts, config.keywords().directory(), config.sms().transliterate()),
                new ContentStopService(texts, config.keywords()), new SpendLimitService(texts, config.keywords()))) {
            byName.put(s.name(), s);
        }
        for (Service s : new AccountService(texts, settings.sender()).menuActions()) {
            byName.put(s.name(), s);
        }
        Set<String> all = new HashSet<>(NAMES);
        all.addAll(ACTIONS_ONLY);
        all.addAll(INTERNAL);
        if (!byName.keySet().equals(all)) {
            throw new IllegalStateException("service names out of step: " + byName.keySet() + " vs " + all);
        }
        return Map.copyOf(byName);
    }
}
