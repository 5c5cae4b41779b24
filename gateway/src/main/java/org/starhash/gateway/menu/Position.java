package org.starhash.gateway.menu;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a dialogue stands in a menu file: the screens it went through (the last one showing) and what the
 * subscriber typed into prompts so far.
 *
 * @param stack   the screens from the first to the one showing
 * @param answers typed answers by the prompt's name
 */
public record Position(List<Frame> stack, Map<String, String> answers) {

    public Position {
        stack = List.copyOf(stack);
        answers = Map.copyOf(answers);
        if (stack.isEmpty()) {
            throw new IllegalArgumentException("a position has at least the first screen");
        }
    }

    /**
     * One screen on the way.
     *
     * @param node a menu or an input prompt
     * @param page the page of it showing, from 0
     */
    public record Frame(MenuNode node, int page) {
        public Frame {
            if (!(node instanceof MenuNode.Menu) && !(node instanceof MenuNode.Input)) {
                throw new IllegalArgumentException("only menus and prompts are screens");
            }
        }
    }

    public Frame top() {
        return stack.get(stack.size() - 1);
    }

    /** How many screens deep, 1 for the first. */
    public int depth() {
        return stack.size();
    }
}
