package org.starhash.gateway.ussd;

import org.starhash.gateway.menu.MenuFile;
import org.starhash.gateway.menu.Position;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An open USSD dialogue of one handset: in a menu (keeping the menu file it started with, so a reload while it
 * is open never moves it to a screen it has not seen), reading a long text, or asked a question by the network.
 *
 * @param msisdn     the handset, normalized
 * @param session    the transport's dialogue id, empty when it has none
 * @param answers    how many answers the subscriber has sent in it
 * @param lastActive when it last showed a screen
 * @param state      where it stands
 */
public record Dialogue(String msisdn, String session, int answers, Instant lastActive, State state) {

    public Dialogue {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(lastActive, "lastActive");
        Objects.requireNonNull(state, "state");
    }

    /** Where a dialogue stands. */
    public sealed interface State {
    }

    /** On a screen or prompt of a menu file. */
    public record AtMenu(MenuFile menu, Position position) implements State {
        public AtMenu {
            Objects.requireNonNull(menu, "menu");
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * Asked a question the network started (ussd_service_op 2 with no dialogue before it); the answer, or
     * silence until the timeout, goes to a service.
     *
     * @param action the service that takes the answer
     * @param params what it needs besides the answer
     */
    public record Asked(String action, Map<String, String> params) implements State {
        public Asked {
            Objects.requireNonNull(action, "action");
            params = Map.copyOf(params);
        }
    }

    /** Reading a final text longer than one screen, page by page. */
    public record Reading(List<String> pages, int page) implements State {
        public Reading {
            pages = List.copyOf(pages);
            if (page < 0 || page >= pages.size()) {
                throw new IllegalArgumentException("page " + page + " of " + pages.size());
            }
        }

        public boolean last() {
            return page == pages.size() - 1;
        }
    }

    /** The next state of the dialogue after one more answer. */
    public Dialogue next(State newState, Instant now) {
        return new Dialogue(msisdn, session, answers + 1, now, newState);
    }
}
