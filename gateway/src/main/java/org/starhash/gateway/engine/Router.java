package org.starhash.gateway.engine;

import org.starhash.gateway.config.ShortNumberRoute;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.menu.MenuFile;
import org.starhash.gateway.services.Service;
import org.starhash.gateway.services.Shown;
import org.starhash.gateway.sms.Keywords;
import org.starhash.gateway.ussd.UssdString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Picks the service for a request: USSD by service code (a built-in service or a menu), SMS by short number and keyword. */
final class Router {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Map<String, Service> ussdCodes = new HashMap<>();
    private final Map<String, ShortNumber> shortNumbers = new HashMap<>();
    private final Texts texts;
    private final Function<String, Optional<MenuFile>> menus;

    /** A short number with its keywords, longest first so that {@code GPRS TUJINA} wins over {@code GPRS}. */
    private record ShortNumber(ShortNumberRoute route, List<String> keywordsLongestFirst, Map<String, Service> services,
                               Service anyText) {
    }

    Router(Map<String, String> ussdCodes, Map<String, ShortNumberRoute> shortNumbers, Map<String, Service> services,
           Function<String, Optional<MenuFile>> menus, Texts texts) {
        this.texts = texts;
        this.menus = menus;
        ussdCodes.forEach((code, name) -> this.ussdCodes.put(code, lookup(services, name)));
        shortNumbers.forEach((number, route) -> {
            Map<String, Service> byKeyword = new HashMap<>();
            route.keywords().forEach((keyword, name) -> byKeyword.put(keyword, lookup(services, name)));
            List<String> keywords = new ArrayList<>(route.keywords().keySet());
            keywords.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            Service anyText = route.anyText().map(name -> lookup(services, name)).orElse(null);
            this.shortNumbers.put(number, new ShortNumber(route, List.copyOf(keywords), byKeyword, anyText));
        });
    }

    private static Service lookup(Map<String, Service> services, String name) {
        Service s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service named " + name);
        }
        return s;
    }

    Route route(Request request) {
        return request.channel() == Channel.USSD ? routeUssd(request.text()) : routeSms(request.to(), request.text());
    }

    private Route routeUssd(String dialled) {
        Optional<UssdString> parsed = UssdString.parse(dialled);
        if (parsed.isEmpty()) {
            return new Route.Answer(texts.render(TextKey.USSD_MALFORMED, Map.of("code", Shown.typed(dialled))));
        }
        UssdString u = parsed.get();
        // "123*" routes the code followed by parts (*123*5*070123456#) apart from the code alone (*123#).
        Service service = u.parts().isEmpty() ? null : ussdCodes.get(u.serviceCode() + "*");
        if (service == null) {
            service = ussdCodes.get(u.serviceCode());
        }
        if (service != null) {
            return new Route.Call(service, u.serviceCode(), u.prefix(), "", u.parts(), "", 0);
        }
        Optional<MenuFile> menu = menus.apply(parsed.get().serviceCode());
        if (menu.isPresent() && parsed.get().prefix().equals("*")) {
            return new Route.Menu(menu.get(), parsed.get().parts());
        }
        return new Route.Answer(texts.render(TextKey.UNKNOWN_CODE, Map.of("code", Shown.typed(dialled))));
    }

    private Route routeSms(String to, String text) {
        ShortNumber number = shortNumbers.get(to.strip());
        if (number == null) {
            return new Route.Answer(texts.render(TextKey.UNKNOWN_SHORT_NUMBER, Map.of("to", to.strip())));
        }
        String folded = Keywords.fold(text);
        String[] words = text.isBlank() ? new String[0] : WHITESPACE.split(text.strip());
        ShortNumberRoute route = number.route();
        for (String keyword : number.keywordsLongestFirst()) {
            if (folded.equals(keyword) || folded.startsWith(keyword + " ")) {
                List<String> args = Arrays.asList(words).subList(keyword.split(" ").length, words.length);
                boolean free = route.free().contains(keyword) || route.moPriceCents() == 0;
                return new Route.Call(number.services().get(keyword), "", "", keyword, args,
                        free ? "" : "sms:" + route.number() + ":" + keyword, route.moPriceCents());
            }
        }
        if (number.anyText() != null) {
            return new Route.Call(number.anyText(), "", "", "", Arrays.asList(words),
                    route.moPriceCents() == 0 ? "" : "sms:" + route.number(), route.moPriceCents());
        }
        List<String> sorted = new ArrayList<>(number.route().keywords().keySet());
        sorted.sort(Comparator.naturalOrder());
        return new Route.Answer(texts.render(TextKey.UNKNOWN_KEYWORD,
                Map.of("to", number.route().number(), "keywords", String.join(", ", sorted))));
    }
}
