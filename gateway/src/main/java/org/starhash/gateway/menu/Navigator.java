package org.starhash.gateway.menu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walks a menu file: where a dialogue starts, where each answer leads, and what each screen says. It is pure:
 * the values placeholders show (settings and the like) come from the caller.
 */
public final class Navigator {

    private final Screens screens;

    public Navigator(Screens screens) {
        this.screens = Objects.requireNonNull(screens, "screens");
    }

    public Screens screens() {
        return screens;
    }

    /** The first step of a dialogue with this file. */
    public Step start(MenuFile menu) {
        return enter(menu, menu.root(), List.of(), Map.of());
    }

    /**
     * Where an answer on the screen of {@code at} leads.
     *
     * @param values what placeholders show, needed because paging depends on the labels' length
     */
    public Step answer(MenuFile menu, Position at, String answer, Map<String, String> values) {
        String a = answer.strip();
        Screens.Keys keys = screens.keys();
        Position.Frame top = at.top();
        if (a.equals(keys.home())) {
            Position.Frame first = at.stack().get(0);
            return show(new Position(List.of(new Position.Frame(first.node(), 0)), at.answers()));
        }
        if (a.equals(keys.back())) {
            if (top.page() > 0) {
                return show(replaceTop(at, top.page() - 1));
            }
            return show(at.depth() > 1 ? new Position(at.stack().subList(0, at.depth() - 1), at.answers()) : at);
        }
        if (top.node() instanceof MenuNode.Menu m) {
            if (a.equals(keys.more())) {
                int pages = screens.pageStarts(fill(m.title(), values, at.answers()), labels(m, values, at.answers()),
                        at.depth()).size();
                return top.page() + 1 < pages ? show(replaceTop(at, top.page() + 1)) : new Step.Show(at, true, null);
            }
            int choice = number(a);
            if (choice < 1 || choice > m.items().size()) {
                return new Step.Show(at, true, null);
            }
            return enter(menu, m.items().get(choice - 1).target(), at.stack(), at.answers());
        }
        MenuNode.Input input = (MenuNode.Input) top.node();
        if (!input.check().accepts(a)) {
            return new Step.Show(at, false, input.check());
        }
        Map<String, String> answers = new HashMap<>(at.answers());
        answers.put(input.variable(), a);
        return enter(menu, input.next(), at.stack(), answers);
    }

    /** The menu item a dialled string that ends on this screen picks, or 0. */
    public static int dialChoice(Position at) {
        return at.top().node() instanceof MenuNode.Menu m ? m.dialChoice() : 0;
    }

    /** The screen of a position as the handset shows it. */
    public String render(Step.Show show, Map<String, String> values) {
        Position at = show.position();
        Position.Frame top = at.top();
        if (top.node() instanceof MenuNode.Menu m) {
            return screens.menu(fill(m.title(), values, at.answers()), labels(m, values, at.answers()), at.depth(),
                    top.page(), show.wrong());
        }
        MenuNode.Input input = (MenuNode.Input) top.node();
        return screens.input(fill(input.prompt(), values, at.answers()), at.depth(), show.failed());
    }

    /** A text with its placeholders filled from the typed answers and the given values. */
    public static String fill(String text, Map<String, String> values, Map<String, String> answers) {
        return Placeholders.fill(text, name -> answers.containsKey(name) ? answers.get(name) : values.get(name));
    }

    private static List<String> labels(MenuNode.Menu m, Map<String, String> values, Map<String, String> answers) {
        List<String> labels = new ArrayList<>(m.items().size());
        m.items().forEach(i -> labels.add(fill(i.label(), values, answers)));
        return labels;
    }

    private Step enter(MenuFile menu, MenuNode target, List<Position.Frame> stack, Map<String, String> answers) {
        MenuNode node = menu.resolve(target).orElseThrow(() -> new IllegalStateException("goto loop in " + menu.source()));
        if (node instanceof MenuNode.Menu || node instanceof MenuNode.Input) {
            List<Position.Frame> next = new ArrayList<>(stack);
            next.add(new Position.Frame(node, 0));
            return show(new Position(next, answers));
        }
        if (node instanceof MenuNode.Action a) {
            Map<String, String> params = new LinkedHashMap<>();
            a.params().forEach((k, v) -> params.put(k, fill(v, Map.of(), answers)));
            return new Step.Invoke(a, params, answers);
        }
        return new Step.End(((MenuNode.Text) node).text(), answers);
    }

    private static Step show(Position at) {
        return new Step.Show(at, false, null);
    }

    private static Position replaceTop(Position at, int page) {
        List<Position.Frame> stack = new ArrayList<>(at.stack());
        stack.set(stack.size() - 1, new Position.Frame(at.top().node(), page));
        return new Position(stack, at.answers());
    }

    private static int number(String answer) {
        if (!answer.matches("[0-9]{1,3}")) {
            return -1;
        }
        return Integer.parseInt(answer);
    }
}
