package org.starhash.gateway.menu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a parsed menu file against the gateway: actions and their parameters, placeholders, references, and
 * that every screen fits a handset.
 */
final class MenuValidator {

    /** A screen below the first, which shows the back line, so a screen that fits here fits everywhere. */
    private static final int DEEPEST = 2;
    /** What a typed answer may show in a placeholder at most, for the screen-size checks: a long phone number. */
    private static final String ANSWER_SAMPLE = "0".repeat(15);

    private final MenuRules rules;
    private final MenuFile file;
    private final List<MenuProblem> problems = new ArrayList<>();
    private final Set<String> variables = new HashSet<>();

    private MenuValidator(MenuRules rules, MenuFile file) {
        this.rules = rules;
        this.file = file;
    }

    static List<MenuProblem> validate(MenuRules rules, MenuFile file, List<MenuNode.Goto> gotos) {
        MenuValidator v = new MenuValidator(rules, file);
        for (MenuNode.Goto g : gotos) {
            if (!file.byId().containsKey(g.target())) {
                v.problem(g.line(), "goto '" + g.target() + "' leads nowhere: no node has id: " + g.target()
                        + (file.byId().isEmpty() ? "" : "; ids in this file: " + new TreeSet<>(file.byId().keySet())));
            } else if (file.resolve(g).isEmpty()) {
                v.problem(g.line(), "goto '" + g.target() + "' is part of a loop of gotos that never shows a screen");
            }
        }
        v.collectVariables(file.root());
        v.check(file.root());
        return List.copyOf(v.problems);
    }

    private void collectVariables(MenuNode node) {
        if (node instanceof MenuNode.Menu m) {
            m.items().forEach(i -> collectVariables(i.target()));
        } else if (node instanceof MenuNode.Input in) {
            variables.add(in.variable());
            collectVariables(in.next());
        }
    }

    private void check(MenuNode node) {
        if (node instanceof MenuNode.Menu m) {
            checkMenu(m);
        } else if (node instanceof MenuNode.Input in) {
            if (rules.stateNames().contains(in.variable())) {
                problem(in.line(), "name '" + in.variable() + "' is the name of a setting; pick another");
            }
            placeholders(in.line(), in.prompt(), true);
            if (!Screens.fits(rules.screens().input(sample(in.prompt()), DEEPEST, in.check()))) {
                problem(in.line(), "the prompt with its error line does not fit one screen ("
                        + Screens.GSM7_LIMIT + " characters, " + Screens.UCS2_LIMIT + " with letters such as č)");
            }
            check(in.next());
        } else if (node instanceof MenuNode.Action a) {
            checkAction(a);
        } else if (node instanceof MenuNode.Text t) {
            placeholders(t.line(), t.text(), true);
        }
    }

    private void checkAction(MenuNode.Action a) {
        if (!rules.actions().names().contains(a.action())) {
            problem(a.line(), "unknown action '" + a.action() + "'; known actions: "
                    + String.join(", ", new TreeSet<>(rules.actions().names())));
            return;
        }
        rules.actions().problem(a.action(), a.params()).ifPresent(p -> problem(a.line(), "action " + a.action() + ": " + p));
        a.params().values().forEach(v -> placeholders(a.line(), v, false));
        if (a.reply().isEmpty() && !rules.actions().answers(a.action())) {
            problem(a.line(), "action " + a.action() + " has no text of its own: give it a reply:");
        }
        placeholders(a.line(), a.reply(), true);
    }

    private void checkMenu(MenuNode.Menu m) {
        placeholders(m.line(), m.title(), true);
        List<String> labels = new ArrayList<>();
        for (MenuNode.Item item : m.items()) {
            placeholders(item.line(), item.label(), true);
            labels.add(sample(item.label()));
            check(item.target());
        }
        int max = rules.screens().maxItems();
        if (m.items().size() > max) {
            problem(m.line(), "the menu has " + m.items().size() + " items, more than the " + max
                    + " that can be numbered before the navigation key " + (max + 1));
        } else if (rules.screens().pageStarts(sample(m.title()), labels, DEEPEST).isEmpty()) {
            problem(m.line(), "the title and one item do not fit one screen (" + Screens.GSM7_LIMIT + " characters, "
                    + Screens.UCS2_LIMIT + " with letters such as č); shorten the title or the longest label");
        }
    }

    /** Every {placeholder} must be a setting or, where input is known, an answer typed earlier. */
    private void placeholders(int line, String text, boolean settings) {
        for (String name : Placeholders.names(text)) {
            boolean known = variables.contains(name) || settings && rules.stateNames().contains(name);
            if (!known) {
                Set<String> allowed = new TreeSet<>(variables);
                if (settings) {
                    allowed.addAll(rules.stateNames());
                }
                problem(line, "unknown placeholder {" + name + "}; known here: " + String.join(", ", allowed));
            }
        }
    }

    /** A text as long as it can get once its placeholders are filled. */
    private String sample(String text) {
        return Placeholders.fill(text, name -> rules.stateNames().contains(name) ? rules.stateWord() : ANSWER_SAMPLE);
    }

    private void problem(int line, String message) {
        problems.add(new MenuProblem(file.source(), line, message));
    }
}
