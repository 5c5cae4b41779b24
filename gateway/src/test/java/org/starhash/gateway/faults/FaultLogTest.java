package org.starhash.gateway.faults;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a fault writes to the log over time, with a moved clock: a few lines per fault, never one per failure. */
class FaultLogTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aLongFaultWritesOneLineAtStartARemindAMinuteAndOneAtTheEnd() {
        Logger logger = (Logger) LoggerFactory.getLogger("fault-log-test");
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        AtomicLong clock = new AtomicLong(1_000 * SECOND);
        FaultLog fault = new FaultLog(logger, "journal write", clock::get);

        for (int i = 0; i < 10_000; i++) {
            fault.failed(new java.io.IOException("No space left on device"));
            clock.addAndGet(SECOND / 1_000);
        }
        assertEquals(1, lines.list.size(), "a burst of failures wrote more than its first line");
        assertEquals(Level.ERROR, lines.list.get(0).getLevel());
        assertTrue(lines.list.get(0).getFormattedMessage().contains("No space left on device"));

        clock.addAndGet(55 * SECOND);
        fault.failed("No space left on device");
        assertEquals(2, lines.list.size(), "no reminder after a minute");
        assertTrue(lines.list.get(1).getFormattedMessage().contains("10001 since it started"),
                lines.list.get(1).getFormattedMessage());

        // A success, then the fault again within seconds: the same fault, no new line.
        clock.addAndGet(SECOND);
        fault.ok();
        clock.addAndGet(SECOND);
        fault.failed("No space left on device");
        fault.ok();
        assertEquals(2, lines.list.size(), "a flapping fault was logged as a new one");

        clock.addAndGet(11 * SECOND);
        fault.ok();
        assertEquals(3, lines.list.size(), "the end of the fault was not logged");
        assertEquals(Level.INFO, lines.list.get(2).getLevel());
        assertTrue(lines.list.get(2).getFormattedMessage().contains("works again"));
        fault.ok();
        assertEquals(3, lines.list.size());

        fault.failed("Too many open files");
        assertEquals(4, lines.list.size(), "a new fault after the end was not logged");
        List<String> none = lines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("\tat ")).toList();
        assertEquals(List.of(), none);
    }

    @Test
    void whatPeersDoIsAWarningOnOneLineNeverAnError() {
        Logger logger = (Logger) LoggerFactory.getLogger("fault-log-peers-test");
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        FaultLog refused = FaultLog.ofPeers(logger, "SMPP binds refused");

        for (int i = 0; i < 1_000; i++) {
            refused.failed("wrong password for 'smsc\n2026-12-04 ERROR forged' from /10.0.0.9");
        }
        assertEquals(1, lines.list.size(), "a password-guessing peer wrote more than one line");
        ILoggingEvent line = lines.list.get(0);
        assertEquals(Level.WARN, line.getLevel());
        assertEquals("SMPP binds refused: wrong password for 'smsc?2026-12-04 ERROR forged' from /10.0.0.9",
                line.getFormattedMessage());
    }
}
