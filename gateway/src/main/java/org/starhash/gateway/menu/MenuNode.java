package org.starhash.gateway.menu;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One node of a menu file: what the handset sees, or what happens, when the dialogue reaches it. */
public sealed interface MenuNode {

    /** The line of the menu file the node starts on, for messages. */
    int line();

    /**
     * A screen of numbered items.
     *
     * @param title      shown above the items, may be empty
     * @param items      numbered from 1 in this order
     * @param dialChoice the item a dialled string that ends on this menu picks (as {@code *121*4#} switches a
     *                   barring on at once), 0 for none
     */
    record Menu(int line, String title, List<Item> items, int dialChoice) implements MenuNode {
        public Menu {
            Objects.requireNonNull(title, "title");
            items = List.copyOf(items);
        }
    }

    /**
     * One numbered line of a menu.
     *
     * @param label  what the line says
     * @param target where choosing it leads
     */
    record Item(int line, String label, MenuNode target) {
        public Item {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * A prompt for something the subscriber types.
     *
     * @param prompt   the question shown
     * @param check    what the answer must look like
     * @param variable the name the answer is kept under, usable as a placeholder later
     * @param next     where a valid answer leads
     */
    record Input(int line, String prompt, Check check, String variable, MenuNode next) implements MenuNode {
        public Input {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * A service of the gateway; the dialogue ends with its answer.
     *
     * @param action the service's name
     * @param params its parameters, which may hold placeholders of earlier input
     * @param reply  the text shown after it, empty to show the service's own answer
     */
    record Action(int line, String action, Map<String, String> params, String reply) implements MenuNode {
        public Action {
            Objects.requireNonNull(action, "action");
            params = Map.copyOf(params);
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** A final text; the dialogue ends. */
    record Text(int line, String text) implements MenuNode {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Continues at the node with the given id elsewhere in the same file. */
    record Goto(int line, String target) implements MenuNode {
        public Goto {
            Objects.requireNonNull(target, "target");
        }
    }
}
