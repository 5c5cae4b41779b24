package org.starhash.gateway.smpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The bound sessions by account, to find a receiver-capable one for a reply. */
final class Binds {

    private final Map<String, List<SmppSession>> byAccount = new ConcurrentHashMap<>();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final List<Runnable> receiverBound = new CopyOnWriteArrayList<>();

    void add(SmppSession session) {
        byAccount.computeIfAbsent(session.account(), a -> new CopyOnWriteArrayList<>()).add(session);
        if (session.kind().receives()) {
            receiverBound.forEach(Runnable::run);
        }
    }

    /** Runs whenever a session that may receive messages binds. */
    void onReceiverBound(Runnable listener) {
        receiverBound.add(listener);
    }

    /** A session of the account (of any account when empty) that may receive a message, taken in turn. */
    Optional<SmppSession> receiverOf(String account) {
        List<SmppSession> sessions = new ArrayList<>();
        if (account.isEmpty()) {
            byAccount.values().forEach(sessions::addAll);
        } else {
            sessions.addAll(byAccount.getOrDefault(account, List.of()));
        }
        return pick(sessions.toArray());
    }

    void remove(SmppSession session) {
        List<SmppSession> sessions = byAccount.get(session.account());
        if (sessions != null) {
            sessions.remove(session);
        }
    }

    /**
     * A session that may receive a message for this account: the one the request came on when it can, else
     * the others in turn.
     */
    Optional<SmppSession> receiverFor(SmppSession origin) {
        if (origin.kind().receives() && origin.channel().isActive()) {
            return Optional.of(origin);
        }
        return pick(byAccount.getOrDefault(origin.account(), List.of()).toArray());
    }

    /**
     * Whether the answer to an MO on this session would have nowhere to go but binds that take no more: then the
     * MO is throttled before any work is done, instead of its answer being queued without bound.
     */
    boolean repliesBlocked(SmppSession origin) {
        if (origin.kind().receives() && origin.channel().isActive()) {
            return !origin.channel().isWritable();
        }
        boolean any = false;
        for (SmppSession s : byAccount.getOrDefault(origin.account(), List.of())) {
            if (s.kind().receives() && s.channel().isActive()) {
                if (s.channel().isWritable()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private Optional<SmppSession> pick(Object[] sessions) {
        int n = sessions.length;
        int start = Math.floorMod(roundRobin.getAndIncrement(), Math.max(1, n));
        // First a bind that takes more and answers, then one that takes more: a receiver that stopped answering
        // (it never reads) would hold every message sent to it for the whole response timeout.
        for (boolean mustAnswer : new boolean[] {true, false}) {
            for (int i = 0; i < n; i++) {
                SmppSession candidate = (SmppSession) sessions[(start + i) % n];
                if (candidate.kind().receives() && candidate.channel().isActive() && candidate.channel().isWritable()
                        && (!mustAnswer || candidate.answering())) {
                    return Optional.of(candidate);
                }
            }
        }
        // None takes more now: the first open one, whose buffer the throttling of new MOs keeps bounded.
        for (Object s : sessions) {
            SmppSession candidate = (SmppSession) s;
            if (candidate.kind().receives() && candidate.channel().isActive()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
