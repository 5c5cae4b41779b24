package org.starhash.gateway.engine;

import org.starhash.billing.ChargeEvent;
import org.starhash.gateway.billing.ChargeDispatcher;
import org.starhash.gateway.billing.PendingCharges;
import org.starhash.gateway.outbox.OutboxDispatcher;
import org.starhash.gateway.services.Decision;
import org.starhash.gateway.services.Invocation;
import org.starhash.gateway.services.Question;
import org.starhash.gateway.store.Outbox;
import org.starhash.gateway.store.Tx;
import org.starhash.gateway.ussd.Dialogue;
import org.starhash.gateway.ussd.Dialogues;
import org.starhash.gateway.values.OutboxMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a decision does besides its answer, once its values are applied: the charges, the messages to other
 * handsets, and the dialogues its questions open on them.
 *
 * @param charges  charge events
 * @param messages messages for the outbox
 * @param asks     dialogues opened by network-initiated questions, each waiting for its answer
 */
record Effects(List<ChargeEvent> charges, List<OutboxMessage> messages, List<Dialogue> asks) {

    static final Effects NONE = new Effects(List.of(), List.of(), List.of());

    Effects {
        charges = List.copyOf(charges);
        messages = List.copyOf(messages);
        asks = List.copyOf(asks);
    }

    /**
     * Applies a decision inside its transaction: its values, its charges as pending, its messages in the outbox,
     * and its questions as outbox messages that expire with the dialogue they open; returns what to hand on once
     * the transaction is durable.
     */
    static Effects apply(Decision decision, Invocation call, Tx tx, Duration questionTimeout) {
        decision.updates().forEach(p -> p.applyTo(tx));
        List<OutboxMessage> messages = new ArrayList<>(decision.messages());
        List<Dialogue> asks = new ArrayList<>();
        for (int i = 0; i < decision.questions().size(); i++) {
            Question q = decision.questions().get(i);
            messages.add(new OutboxMessage(call.id("ask", i), OutboxMessage.Kind.USSD_REQUEST, q.from(), q.to(), q.text(),
                    call.now(), Optional.of(call.now().plus(questionTimeout))));
            asks.add(new Dialogue(q.to(), "", 0, call.now(), new Dialogue.Asked(q.action(), q.params())));
        }
        decision.charges().forEach(e -> tx.insert(PendingCharges.TABLE, e.id(), e));
        messages.forEach(m -> tx.insert(Outbox.TABLE, m.id(), m));
        return new Effects(decision.charges(), messages, asks);
    }

    /**
     * Hands them on once durable: the questions' dialogues open before their messages leave, so an answer can
     * never come before its dialogue; returns the dialogues those replaced, for the engine to settle.
     */
    List<Dialogue> handOn(ChargeDispatcher chargeDispatcher, OutboxDispatcher outbox, Dialogues dialogues) {
        chargeDispatcher.offer(charges);
        List<Dialogue> replaced = new ArrayList<>();
        asks.forEach(ask -> dialogues.start(ask).ifPresent(replaced::add));
        outbox.offer(messages);
        return replaced;
    }
}
