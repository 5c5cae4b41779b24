package org.starhash.gateway.ussd;

import org.starhash.gateway.menu.MenuFile;
import org.starhash.gateway.menu.Position;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An open USSD dialogue of one handset. It keeps the menu file it started with, so a reload while it is open
 * never moves it to a screen it has not seen.
 *
 * @param msisdn     the handset, normalized
 * @param menu       the menu file
 * @param session    the transport's dialogue id, empty when it has none
 * @param answers    how many answers the subscriber has sent in it
 * @param lastActive when it last showed a screen
 * @param state      where it stands
 */
public record Dialogue(String msisdn, MenuFile menu, String session, int answers, Instant lastActive, State state) {

    public Dialogue {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(menu, "menu");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(lastActive, "lastActive");
        Objects.requireNonNull(state, "state");
    }

    /** Where a dialogue stands. */
    public sealed interface State {
    }

    /** On a menu screen or prompt. */
    public record AtMenu(Position position) implements State {
        public AtMenu {
            Objects.requireNonNull(position, "position");
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
        return new Dialogue(msisdn, menu, session, answers + 1, now, newState);
    }
}
