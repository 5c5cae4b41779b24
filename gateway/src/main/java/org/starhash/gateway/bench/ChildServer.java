package org.starhash.gateway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in a JVM of its own, so the generator's garbage and threads do not share its heap:
 * started with the {@code bench-server} command, which prints {@code listening PORT} and stops when its
 * standard input closes.
 */
public final class ChildServer implements BenchServer {

    static final String READY = "listening ";

    private final Process process;
    private final int port;
    private final int httpPort;

    private ChildServer(Process process, int[] ports) {
        this.process = process;
        this.port = ports[0];
        this.httpPort = ports[1];
    }

    /** Starts {@code bench-server} with the given JVM options and arguments and waits until it listens. */
    public static ChildServer start(List<String> jvmOptions, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        String logback = System.getProperty("logback.configurationFile");
        if (logback != null) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.starhash.gateway.cli.Main");
        command.add("bench-server");
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<int[]> ready = CompletableFuture.supplyAsync(() -> awaitPort(out));
        try {
            int[] ports = ready.get(300, TimeUnit.SECONDS);
            Thread drain = new Thread(() -> out.lines().forEach(System.err::println), "bench-server-output");
            drain.setDaemon(true);
            drain.start();
            return new ChildServer(process, ports);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the bench server did not start: " + (e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage()), e);
        }
    }

    /** The SMPP port and the HTTP port (-1 for none) from the {@code listening} line. */
    private static int[] awaitPort(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(READY)) {
                    String[] ports = line.substring(READY.length()).trim().split(" ");
                    return new int[]{Integer.parseInt(ports[0]), ports.length > 1 ? Integer.parseInt(ports[1]) : -1};
                }
                System.err.println(line);
            }
            throw new IllegalStateException("it exited before listening (its errors are above)");
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int httpPort() {
        return httpPort;
    }

    /** The server's process id, for sampling its memory and descriptors. */
    public long pid() {
        return process.pid();
    }

    /** Closes the server's standard input, so it stops cleanly, and kills it if it takes too long. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
