package org.starhash.gateway.services;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.config.KeywordSettings;
import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.sms.Segments;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Put;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.values.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 1188 SMS (SERVICES.md §2, seed 002): a directory search by words separated by spaces, without punctuation.
 * Each SMS of a reply with results costs the configured price (a reply two segments long is two SMS); the reply
 * that nothing was found is free.
 */
public final class DirectoryService implements Service {

    private final Texts texts;
    private final KeywordSettings.Directory directory;
    private final DirectoryIndex index;
    private final boolean transliterate;

    /**
     * @param transliterate whether SMS replies go out transliterated, which decides how many SMS a reply takes
     */
    public DirectoryService(Texts texts, KeywordSettings.Directory directory, boolean transliterate) {
        this.texts = texts;
        this.directory = directory;
        this.index = new DirectoryIndex(directory.entries());
        this.transliterate = transliterate;
    }

    @Override
    public String name() {
        return "directory";
    }

    @Override
    public boolean inMenus() {
        return false;
    }

    @Override
    public Decision decide(Invocation call, Subscriber caller, Lookup state) {
        if (call.args().isEmpty()) {
            return Decision.answer(texts.render(TextKey.DIRECTORY_USAGE, Map.of()));
        }
        for (String word : call.args()) {
            for (int i = 0; i < word.length(); i = word.offsetByCodePoints(i, 1)) {
                int c = word.codePointAt(i);
                if (!Character.isLetterOrDigit(c)) {
                    return Decision.answer(texts.render(TextKey.DIRECTORY_PUNCTUATION,
                            Map.of("char", new String(Character.toChars(c)))));
                }
            }
        }
        List<KeywordSettings.DirectoryEntry> found = index.search(call.args());
        if (found.isEmpty()) {
            return Decision.answer(texts.render(TextKey.DIRECTORY_NONE, Map.of()));
        }
        List<String> lines = new ArrayList<>();
        for (KeywordSettings.DirectoryEntry e : found.subList(0, Math.min(found.size(), directory.maxResults()))) {
            lines.add(texts.render(TextKey.DIRECTORY_ENTRY, Map.of("name", e.name(), "address", e.address(),
                    "number", e.number())));
        }
        if (found.size() > directory.maxResults()) {
            lines.add(texts.render(TextKey.DIRECTORY_MORE, Map.of("count", Integer.toString(found.size() - lines.size()))));
        }
        String reply = String.join("\n", lines);
        int sms = Segments.forAir(reply, transliterate, 0).count();
        long cents = sms * directory.priceCents();
        Optional<Subscriber> paid = Payments.pay(caller, cents, call.month());
        if (paid.isEmpty()) {
            return Decision.answer(texts.render(TextKey.DIRECTORY_NO_BALANCE, Map.of("price", Money.format(cents))));
        }
        return new Decision(reply, List.of(Put.of(paid.get())), List.of(new ChargeEvent(call.id("directory", 0),
                call.now(), caller.msisdn(), "directory:" + call.to(), sms, cents, false)));
    }
}
