package org.starhash.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caps a hostile or careless peer meets on both listeners: connections over the limit from one address are
 * closed at once while the others are served, an idle HTTP connection and a request trickled a byte at a time
 * are closed, and headers over the limit get 431.
 */
class ConnectionLimitsEndToEndTest {

    @TempDir
    Path dir;
    private Gateway gateway;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        gateway = TestGateway.start(TestGateway.editedConfig(dir.resolve("config"), yaml -> yaml
                .replace("max_connections_per_address: 200 # from one remote address",
                        "max_connections_per_address: 2 # from one remote address")
                .replace("idle_timeout_seconds: 60 ", "idle_timeout_seconds: 2 ")
                .replace("request_timeout_seconds: 10 ", "request_timeout_seconds: 1 ")
                .replace("max_header_bytes: 8192 ", "max_header_bytes: 1024 ")
                .replace("max_connections_per_address: 200 # open at once from one remote address",
                        "max_connections_per_address: 3 # open at once from one remote address")), dir.resolve("data"));
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        gateway.close();
    }

    private Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        s.setSoTimeout(5_000);
        sockets.add(s);
        return s;
    }

    /** Whether the gateway closed the connection: a read gets the end of the stream (or a reset). */
    private static boolean closedByPeer(Socket s) throws IOException {
        try {
            return s.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String request(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        int n = in.read(buf);
        return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    private static String ussd(String phone) {
        String body = "sessionId=s1&serviceCode=*123%23&phoneNumber=" + phone + "&text=";
        return "POST /ussd HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void httpConnectionsOverTheCapFromOneAddressAreClosedAtOnceAndTheOthersServed() throws Exception {
        int port = gateway.httpAddress().orElseThrow().getPort();
        List<Socket> first = List.of(connect(port), connect(port), connect(port));
        Socket over = connect(port);
        assertTrue(closedByPeer(over), "a fourth connection from one address was kept open");
        String answer = request(first.get(0), ussd("070000001"));
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("Stanje na vašem računu je 12,50 EUR."), answer);
    }

    @Test
    void anIdleHttpConnectionIsClosed() throws Exception {
        Socket idle = connect(gateway.httpAddress().orElseThrow().getPort());
        idle.setSoTimeout(10_000);
        assertTrue(closedByPeer(idle), "an idle connection stayed open past the idle timeout");
    }

    @Test
    void aRequestTrickledAByteAtATimeIsClosedAtTheRequestTimeout() throws Exception {
        Socket slow = connect(gateway.httpAddress().orElseThrow().getPort());
        OutputStream out = slow.getOutputStream();
        byte[] trickle = "POST /ussd HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII);
        boolean closed = false;
        for (int i = 0; i < trickle.length && !closed; i++) {
            try {
                out.write(trickle[i]);
                out.flush();
            } catch (IOException e) {
                closed = true;
            }
            Thread.sleep(150);
        }
        // 45 bytes at 150 ms take about 7 s, far past the request timeout of 1 s.
        assertTrue(closed || closedByPeer(slow), "a request trickled for seconds was kept open");
    }

    @Test
    void headersOverTheLimitGet431() throws Exception {
        Socket s = connect(gateway.httpAddress().orElseThrow().getPort());
        String answer = request(s, "GET /ussd HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(2_000) + "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
    }

    @Test
    void smppConnectionsOverTheCapFromOneAddressAreClosedAtOnce() throws Exception {
        int port = gateway.smppAddress().getPort();
        Socket a = connect(port);
        Socket b = connect(port);
        Socket over = connect(port);
        assertTrue(closedByPeer(over), "a third SMPP connection from one address was kept open");
        // The first two are still open: no end of stream within a short wait.
        a.setSoTimeout(300);
        b.setSoTimeout(300);
        assertEquals(false, closedByPeer(a));
        assertEquals(false, closedByPeer(b));
    }
}
