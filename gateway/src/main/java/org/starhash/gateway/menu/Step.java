package org.starhash.gateway.menu;

import java.util.Map;

/** What an answer leads to in a menu. */
public sealed interface Step {

    /**
     * A screen to show; the dialogue goes on.
     *
     * @param position where the dialogue now stands
     * @param wrong    the answer chose nothing, so the screen shows again with the wrong-choice line
     * @param failed   the check a typed answer failed, shown above the prompt; null when none
     */
    record Show(Position position, boolean wrong, Check failed) implements Step {
    }

    /**
     * A service to run; the dialogue ends with its answer.
     *
     * @param action  the action node
     * @param params  its parameters with the typed answers filled in
     * @param answers every typed answer, for the reply's placeholders
     */
    record Invoke(MenuNode.Action action, Map<String, String> params, Map<String, String> answers) implements Step {
        public Invoke {
            params = Map.copyOf(params);
            answers = Map.copyOf(answers);
        }
    }

    /**
     * A final text, placeholders not yet filled; the dialogue ends.
     *
     * @param text    the text as the file gives it
     * @param answers every typed answer, for its placeholders
     */
    record End(String text, Map<String, String> answers) implements Step {
        public End {
            answers = Map.copyOf(answers);
        }
    }
}
