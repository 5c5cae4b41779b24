package org.starhash.gateway.engine;

import org.starhash.gateway.config.TextKey;
import org.starhash.gateway.config.Texts;
import org.starhash.gateway.menu.MenuFile;
import org.starhash.gateway.menu.Navigator;
import org.starhash.gateway.menu.Step;
import org.starhash.gateway.services.Decision;
import org.starhash.gateway.services.Invocation;
import org.starhash.gateway.services.Service;
import org.starhash.gateway.services.UsageService;
import org.starhash.gateway.store.Flag;
import org.starhash.gateway.store.FlagSet;
import org.starhash.gateway.store.Flags;
import org.starhash.gateway.store.Lookup;
import org.starhash.gateway.store.Subscriber;
import org.starhash.gateway.store.Tx;
import org.starhash.gateway.ussd.Dialogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the steps of menu dialogues inside a store transaction: shows screens with the subscriber's settings as
 * they stand, and runs the actions a menu names, so an action and the screen after it see the same state.
 */
final class MenuRunner {

    private final Navigator navigator;
    private final Map<String, Service> services;
    private final Texts texts;
    private final Decisions decisions;
    private final UsageService usage;

    MenuRunner(Navigator navigator, Map<String, Service> services, Texts texts, Decisions decisions, UsageService usage) {
        this.navigator = navigator;
        this.services = Map.copyOf(services);
        this.texts = texts;
        this.decisions = decisions;
        this.usage = usage;
    }

    /** Opens a dialogue with a menu and walks the parts a dialled string chains after the code. */
    Outcome start(MenuFile menu, List<String> parts, Invocation call, Subscriber caller, Tx tx, String session) {
        Map<String, String> values = values(tx, caller, call);
        Step step = navigator.start(menu);
        for (String part : parts) {
            if (!(step instanceof Step.Show show) || show.wrong() || show.failed() != null) {
                break;
            }
            step = navigator.answer(menu, show.position(), part, values);
        }
        if (!parts.isEmpty() && step instanceof Step.Show show && !show.wrong() && show.failed() == null
                && Navigator.dialChoice(show.position()) > 0) {
            step = navigator.answer(menu, show.position(), Integer.toString(Navigator.dialChoice(show.position())), values);
        }
        return resolve(step, menu, state -> new Dialogue(call.msisdn(), session, 0, call.now(), state), call, caller, tx,
                values);
    }

    /** Takes the subscriber's answer in an open dialogue. */
    Outcome answer(Dialogue dialogue, String answer, Invocation call, Subscriber caller, Tx tx) {
        if (dialogue.state() instanceof Dialogue.Reading reading) {
            int page = navigator.screens().turn(reading.page(), reading.pages().size(), answer);
            Dialogue.Reading next = new Dialogue.Reading(reading.pages(), page);
            return next.last() ? Outcome.end(next.pages().get(page))
                    : new Outcome(next.pages().get(page), Optional.of(dialogue.next(next, call.now())), Effects.NONE);
        }
        Map<String, String> values = values(tx, caller, call);
        Dialogue.AtMenu at = (Dialogue.AtMenu) dialogue.state();
        Step step = navigator.answer(at.menu(), at.position(), answer, values);
        return resolve(step, at.menu(), state -> dialogue.next(state, call.now()), call, caller, tx, values);
    }

    /**
     * Turns a step into the answer.
     *
     * @param goOn the dialogue as it stands when it goes on in the given state
     */
    private Outcome resolve(Step step, MenuFile menu, Function<Dialogue.State, Dialogue> goOn, Invocation call,
                            Subscriber caller, Tx tx, Map<String, String> values) {
        if (step instanceof Step.Show show) {
            return new Outcome(navigator.render(show, values),
                    Optional.of(goOn.apply(new Dialogue.AtMenu(menu, show.position()))), Effects.NONE);
        }
        String text;
        Effects effects = Effects.NONE;
        if (step instanceof Step.Invoke invoke) {
            Service service = services.get(invoke.action().action());
            Invocation withParams = call.with(List.of(), invoke.params());
            Decision decision = service.decide(withParams, caller, tx);
            effects = decisions.applied(decision, withParams, tx).effects();
            text = invoke.action().reply().isEmpty() ? decision.text()
                    : Navigator.fill(invoke.action().reply(), values(tx, caller, call), invoke.answers());
        } else {
            Step.End end = (Step.End) step;
            text = Navigator.fill(end.text(), values, end.answers());
        }
        List<String> pages = navigator.screens().textPages(text);
        if (pages.size() == 1) {
            return new Outcome(text, Optional.empty(), effects);
        }
        return new Outcome(pages.get(0), Optional.of(goOn.apply(new Dialogue.Reading(pages, 0))), effects);
    }

    /**
     * What placeholders show: each setting's state in words; a bar the subscriber did not set but a limit of the
     * month holds shows as that ({@code state_limit_reached}), which switching the setting off does not lift.
     */
    private Map<String, String> values(Lookup state, Subscriber caller, Invocation call) {
        FlagSet flags = Flags.of(state, caller);
        String on = texts.render(TextKey.STATE_ON, Map.of());
        String off = texts.render(TextKey.STATE_OFF, Map.of());
        Map<String, String> values = new HashMap<>();
        for (Flag flag : Flag.values()) {
            values.put(flag.key(), flags.has(flag) ? on : off);
        }
        String limited = texts.render(TextKey.STATE_LIMIT_REACHED, Map.of());
        if (!flags.has(Flag.BAR_DATA_ABROAD) && (usage.roamingBarred(state, caller.msisdn(), call.month(), true)
                || usage.roamingBarred(state, caller.msisdn(), call.month(), false))) {
            values.put(Flag.BAR_DATA_ABROAD.key(), limited);
        }
        if (!flags.has(Flag.BAR_PREMIUM) && usage.premiumBarred(state, caller, call.month())) {
            values.put(Flag.BAR_PREMIUM.key(), limited);
        }
        return values;
    }
}
