package org.starhash.gateway.menu;

import org.starhash.gateway.sms.Gsm7;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How screens are laid out: what fits on one USSD screen (182 GSM 7-bit characters, 80 when a letter needs
 * UCS-2; 3GPP TS 23.038), the navigation keys and their labels, and how long menus and texts are paged.
 */
public final class Screens {

    /** The most GSM 7-bit characters a USSD screen holds (160 octets). */
    public static final int GSM7_LIMIT = 182;
    /** The most UCS-2 characters a USSD screen holds (160 octets). */
    public static final int UCS2_LIMIT = 80;

    /**
     * The navigation answers.
     *
     * @param back one screen (or page) back
     * @param home to the first screen
     * @param more the next page
     */
    public record Keys(String back, String home, String more) {
        public Keys {
            if (!back.matches("[0-9*#]{1,3}") || !home.matches("[0-9*#]{1,3}") || !more.matches("[0-9*#]{1,3}")) {
                throw new IllegalArgumentException("navigation keys are 1 to 3 of 0-9, * and #");
            }
            if (back.equals(home) || back.equals(more) || home.equals(more)) {
                throw new IllegalArgumentException("the back, home and more keys must differ");
            }
        }

        /** Whether an answer is one of the navigation keys. */
        public boolean isNavigation(String answer) {
            return answer.equals(back) || answer.equals(home) || answer.equals(more);
        }
    }

    /**
     * What the screens say around the menu's own texts.
     *
     * @param more        the label of the more key ("Več")
     * @param back        the label of the back key ("Nazaj")
     * @param home        the label of the home key ("Domov")
     * @param wrongChoice the line shown above a menu answered with no item's number
     * @param inputError  the line shown above a prompt whose answer failed its check
     */
    public record Labels(String more, String back, String home, String wrongChoice, Function<Check, String> inputError) {
        public Labels {
            Objects.requireNonNull(more, "more");
            Objects.requireNonNull(back, "back");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(wrongChoice, "wrongChoice");
            Objects.requireNonNull(inputError, "inputError");
        }
    }

    private final Keys keys;
    private final Labels labels;

    public Screens(Keys keys, Labels labels) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.labels = Objects.requireNonNull(labels, "labels");
    }

    public Keys keys() {
        return keys;
    }

    public Labels labels() {
        return labels;
    }

    /** Whether a whole screen fits. */
    public static boolean fits(String screen) {
        int septets = Gsm7.septets(screen);
        return septets >= 0 ? septets <= GSM7_LIMIT : screen.length() <= UCS2_LIMIT;
    }

    /** The most items a menu may have: numbers from 1 up to the first that is also a navigation key. */
    public int maxItems() {
        int max = 1;
        while (!keys.isNavigation(Integer.toString(max))) {
            max++;
        }
        return max - 1;
    }

    /**
     * Where each page of a menu starts (an index into {@code items}); a page must fit with and without the
     * wrong-choice line, so the pages stay the same when it shows. Empty when one item does not fit a page.
     */
    public List<Integer> pageStarts(String title, List<String> items, int depth) {
        List<Integer> starts = new ArrayList<>();
        int from = 0;
        while (from < items.size()) {
            int page = starts.size();
            int to = from + 1;
            if (!pageFits(title, items, depth, page, from, to, to < items.size())) {
                return List.of();
            }
            while (to < items.size() && pageFits(title, items, depth, page, from, to + 1, to + 1 < items.size())) {
                to++;
            }
            starts.add(from);
            from = to;
        }
        if (starts.isEmpty()) {
            starts.add(0);
        }
        return starts;
    }

    private boolean pageFits(String title, List<String> items, int depth, int page, int from, int to, boolean more) {
        return fits(menuPage(title, items, depth, page, from, to, more, null))
                && fits(menuPage(title, items, depth, page, from, to, more, labels.wrongChoice()));
    }

    /** One page of a menu as the handset shows it, with the wrong-choice line in place of the title when {@code wrong}. */
    public String menu(String title, List<String> items, int depth, int page, boolean wrong) {
        List<Integer> starts = pageStarts(title, items, depth);
        int p = Math.max(0, Math.min(page, starts.size() - 1));
        int from = starts.isEmpty() ? 0 : starts.get(p);
        int to = p + 1 < starts.size() ? starts.get(p + 1) : items.size();
        return menuPage(title, items, depth, p, from, to, p + 1 < starts.size(), wrong ? labels.wrongChoice() : null);
    }

    private String menuPage(String title, List<String> items, int depth, int page, int from, int to, boolean more,
                            String error) {
        StringBuilder s = new StringBuilder();
        // The wrong-choice line takes the title's place: the subscriber has seen the title already.
        if (error != null) {
            s.append(error);
        } else if (page == 0 && !title.isEmpty()) {
            s.append(title);
        }
        for (int i = from; i < to; i++) {
            line(s, (i + 1) + " " + items.get(i));
        }
        if (more) {
            line(s, keys.more() + " " + labels.more());
        }
        navigation(s, depth, page);
        return s.toString();
    }

    /** A prompt for input, with the check's error line on top when the last answer failed it. */
    public String input(String prompt, int depth, Check failed) {
        StringBuilder s = new StringBuilder();
        if (failed != null) {
            s.append(labels.inputError().apply(failed));
        }
        line(s, prompt);
        navigation(s, depth, 0);
        return s.toString();
    }

    /**
     * The back line, below every screen but the first. The home key works everywhere but is not shown: on 80
     * characters a line costs too much for a key a subscriber rarely needs.
     */
    private void navigation(StringBuilder s, int depth, int page) {
        if (depth > 1 || page > 0) {
            line(s, keys.back() + " " + labels.back());
        }
    }

    private static void line(StringBuilder s, String text) {
        if (s.length() > 0) {
            s.append('\n');
        }
        s.append(text);
    }

    /**
     * A text cut into screens; every page but the last ends with the more key. Cuts fall on a line break or a
     * space where there is one.
     */
    public List<String> textPages(String text) {
        if (fits(text)) {
            return List.of(text);
        }
        String moreLine = "\n" + keys.more() + " " + labels.more();
        List<String> pages = new ArrayList<>();
        String rest = text;
        while (!fits(rest)) {
            int cut = 1;
            while (cut < rest.length() && fits(rest.substring(0, cut + 1) + moreLine)) {
                cut++;
            }
            int soft = Math.max(rest.lastIndexOf('\n', cut), rest.lastIndexOf(' ', cut));
            if (soft > cut / 2 && soft < cut) {
                cut = soft;
            }
            pages.add(rest.substring(0, cut).stripTrailing() + moreLine);
            rest = rest.substring(cut).stripLeading();
        }
        pages.add(rest);
        return List.copyOf(pages);
    }

    /**
     * The page a reader of a text cut by {@link #textPages} turns to with an answer: the next on the more key
     * (unless on the last), the one before on the back key (unless on the first), else the same page again.
     */
    public int turn(int page, int pages, String answer) {
        String a = answer.strip();
        if (a.equals(keys.more()) && page < pages - 1) {
            return page + 1;
        }
        if (a.equals(keys.back()) && page > 0) {
            return page - 1;
        }
        return page;
    }
}
