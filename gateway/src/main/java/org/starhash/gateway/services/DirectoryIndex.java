package org.starhash.gateway.services;

import org.starhash.gateway.config.KeywordSettings;
import org.starhash.gateway.sms.Keywords;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The 1188 listings indexed by the words of their name and address, folded as keywords are (upper case, no
 * diacritics), so a search costs a few map look-ups rather than a scan. A query word matches a listing's word
 * that starts with it; a listing matches when every query word does.
 */
final class DirectoryIndex {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final List<KeywordSettings.DirectoryEntry> entries;
    private final NavigableMap<String, BitSet> byWord = new TreeMap<>();

    DirectoryIndex(List<KeywordSettings.DirectoryEntry> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            KeywordSettings.DirectoryEntry e = this.entries.get(i);
            for (String word : words(e.name() + " " + e.address())) {
                byWord.computeIfAbsent(word, w -> new BitSet()).set(i);
            }
        }
    }

    /** The listings every one of the words matches, in the order of the listing. */
    List<KeywordSettings.DirectoryEntry> search(List<String> query) {
        BitSet hits = null;
        for (String word : query) {
            for (String folded : words(word)) {
                BitSet matching = new BitSet();
                for (Map.Entry<String, BitSet> e : byWord.subMap(folded, true, folded + Character.MAX_VALUE, false).entrySet()) {
                    matching.or(e.getValue());
                }
                if (hits == null) {
                    hits = matching;
                } else {
                    hits.and(matching);
                }
            }
        }
        List<KeywordSettings.DirectoryEntry> found = new ArrayList<>();
        if (hits != null) {
            hits.stream().forEach(i -> found.add(entries.get(i)));
        }
        return found;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : NOT_WORD.split(Keywords.fold(text))) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
