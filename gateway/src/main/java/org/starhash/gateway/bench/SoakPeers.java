package org.starhash.gateway.bench;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.starhash.gateway.smpp.Pdus;
import org.starhash.gateway.smpp.SmppClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The peers a soak runs beside the good load, each on a thread of its own: an SMSC receiver that takes what it
 * is sent, and the misbehaving ones the gateway must stay bounded against (a transceiver and a receiver that
 * never read, slow-loris HTTP, garbage and unbound SMPP connections, malformed HTTP requests).
 */
final class SoakPeers implements AutoCloseable {

    /** What the misbehaving peers did, for the soak's CSV. */
    final LongAdder deafMosWritten = new LongAdder();
    final LongAdder lorisClosed = new LongAdder();
    final LongAdder garbageClosed = new LongAdder();
    final LongAdder unboundClosed = new LongAdder();
    final LongAdder badHttpRefused = new LongAdder();
    final LongAdder smscReceived = new LongAdder();

    private static final int LORIS_CONNECTIONS = 50;
    private static final long DEAF_MSISDN = BenchSubscribers.FIRST_MSISDN + 99_000;

    private final String host;
    private final int smppPort;
    private final int httpPort;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean running = true;

    SoakPeers(String host, int smppPort, int httpPort) {
        this.host = host;
        this.smppPort = smppPort;
        this.httpPort = httpPort;
    }

    void start() {
        spawn("soak-smsc", this::goodSmsc);
        spawn("soak-deaf-transceiver", this::deafTransceiver);
        spawn("soak-deaf-receiver", this::deafReceiver);
        spawn("soak-garbage", this::garbage);
        spawn("soak-unbound", this::unbound);
        spawn("soak-bad-http", this::badHttp);
        for (int i = 0; i < LORIS_CONNECTIONS; i++) {
            spawn("soak-loris-" + i, this::slowLoris);
        }
    }

    private void spawn(String name, Runnable body) {
        Thread t = new Thread(() -> {
            while (running) {
                try {
                    body.run();
                } catch (RuntimeException e) {
                    pause(1_000);
                }
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** The SMSC side of the outbox: a receiver bind that answers every deliver_sm. */
    private void goodSmsc() {
        try (SmppClient smsc = SmppClient.connect(host, smppPort, BindType.BIND_RX, "smsc", "smscpw")) {
            while (running) {
                smscReceived.add(smsc.drain(Duration.ofSeconds(1), Duration.ofMillis(50)).size());
            }
        } catch (Exception e) {
            pause(1_000);
        }
    }

    /** Binds as a transceiver, then writes MOs as fast as the socket takes them and never reads a byte. */
    private void deafTransceiver() {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(Pdus.bind(SMPPConstant.CID_BIND_TRANSCEIVER, 1, "ussdc", "ussdpw"));
            Pdus.Address from = new Pdus.Address((byte) 1, (byte) 1, Long.toString(DEAF_MSISDN));
            Pdus.Address to = new Pdus.Address((byte) 0, (byte) 1, "7070");
            byte[] text = "PORABA".getBytes(StandardCharsets.US_ASCII);
            for (int seq = 2; running; seq = Pdus.nextSequence(seq)) {
                out.write(Pdus.submitSm(seq, "", from, to, (byte) 0, (byte) 0, text));
                deafMosWritten.increment();
            }
        } catch (IOException e) {
            pause(1_000);
        }
    }

    /**
     * A receiver on the SMSC account that never reads: what the outbox sends it must time out and go again. It
     * sends an enquire_link every 30 s (so it is not idle) and binds again once the gateway has dropped it.
     */
    private void deafReceiver() {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(Pdus.bind(SMPPConstant.CID_BIND_RECEIVER, 1, "smsc", "smscpw"));
            for (int seq = 2; running; seq = Pdus.nextSequence(seq)) {
                pause(30_000);
                out.write(Pdus.header(SMPPConstant.CID_ENQUIRE_LINK, 0, seq)); // fails once the gateway closed it
            }
        } catch (IOException e) {
            pause(1_000);
        }
    }

    /** A connection that never binds, one at a time: the gateway must close it at its bind timeout. */
    private void unbound() {
        try (Socket s = connect()) {
            s.setSoTimeout(120_000);
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // nothing comes but the close
            }
            unboundClosed.increment();
        } catch (IOException e) {
            pause(1_000);
        }
    }

    /** Twice a second: a connection that sends random bytes, which the gateway answers with generic_nack and closes. */
    private void garbage() {
        byte[] junk = new byte[64];
        ThreadLocalRandom.current().nextBytes(junk);
        try (Socket s = connect()) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(junk);
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // the gateway answers generic_nack and closes
            }
            garbageClosed.increment();
            pause(500);
        } catch (IOException e) {
            pause(500);
        }
    }

    /** A request whose headers come one byte every two seconds, until the gateway closes it. */
    private void slowLoris() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, httpPort), 5_000);
            OutputStream out = s.getOutputStream();
            out.write("POST /ussd HTTP/1.1\r\nHost: soak\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(2_000);
            InputStream in = s.getInputStream();
            while (running) {
                out.write('x');
                out.flush();
                try {
                    if (in.read() < 0) {
                        break;
                    }
                } catch (java.net.SocketTimeoutException quiet) {
                    // still open: one more byte
                }
            }
            lorisClosed.increment();
        } catch (IOException e) {
            lorisClosed.increment();
            pause(200);
        }
    }

    /** Once a second a form with a bad percent escape, which must get 400. */
    private void badHttp() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + httpPort + "/ussd"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("sessionId=%zz&phoneNumber=38640111222&serviceCode=*123%23&text="))
                .build();
        while (running) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 400) {
                    badHttpRefused.increment();
                }
            } catch (IOException e) {
                // counted as not refused
            } catch (InterruptedException e) {
                return;
            }
            pause(1_000);
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, smppPort), 5_000);
        synchronized (sockets) {
            sockets.removeIf(Socket::isClosed);
            sockets.add(s);
        }
        return s;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (sockets) {
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
        threads.forEach(Thread::interrupt);
    }
}
