package org.starhash.gateway.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.bytes.ByteArrayEncoder;
import org.HdrHistogram.Histogram;
import org.starhash.gateway.smpp.Framing;
import org.starhash.gateway.smpp.PduDecoder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Runs one load against one server: binds, warms up, measures, drains and unbinds. */
public final class LoadGenerator {

    private static final long DRAIN_MILLIS = 10_000;

    private LoadGenerator() {
    }

    /** Runs the load and returns its figures; {@code progress} gets a line a second. */
    public static BenchResult run(String label, LoadSpec spec, Consumer<String> progress)
            throws IOException, InterruptedException {
        return run(label, spec, progress, new Tally(spec.count()));
    }

    /** The same, counting into a tally the caller reads meanwhile (the soak samples it). */
    static BenchResult run(String label, LoadSpec spec, Consumer<String> progress, Tally tally)
            throws IOException, InterruptedException {
        EventLoopGroup group = new NioEventLoopGroup(spec.clientThreads());
        List<LoadHandler> handlers = new ArrayList<>();
        try {
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
            ByteArrayEncoder encoder = new ByteArrayEncoder();
            List<Channel> channels = new ArrayList<>();
            for (int i = 0; i < spec.binds(); i++) {
                LoadHandler handler = new LoadHandler(spec, tally, i);
                handlers.add(handler);
                bootstrap.handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(Framing.decoder(), new PduDecoder(), encoder, handler);
                    }
                });
                try {
                    channels.add(bootstrap.connect(spec.host(), spec.port()).sync().channel());
                } catch (Exception e) {
                    throw new IOException("cannot connect to " + spec.host() + ":" + spec.port() + ": " + e.getMessage(), e);
                }
            }
            awaitBinds(handlers);

            long t0 = System.nanoTime();
            long measureFrom = t0 + spec.warmup().toNanos();
            tally.measureFrom(measureFrom);
            for (int i = 0; i < handlers.size(); i++) {
                LoadHandler handler = handlers.get(i);
                channels.get(i).eventLoop().execute(() -> handler.start(t0));
            }
            long measureUntil = report(label, spec, tally, t0, measureFrom, progress);
            tally.measureUntil(measureUntil);
            for (int i = 0; i < handlers.size(); i++) {
                channels.get(i).eventLoop().execute(handlers.get(i)::stopSending);
            }
            long drainUntil = System.currentTimeMillis() + DRAIN_MILLIS;
            while (tally.inFlight() > 0 && System.currentTimeMillis() < drainUntil) {
                Thread.sleep(10);
            }
            int lost = tally.inFlight();
            for (int i = 0; i < handlers.size(); i++) {
                channels.get(i).eventLoop().execute(handlers.get(i)::unbind);
            }
            for (Channel channel : channels) {
                channel.closeFuture().await(2, TimeUnit.SECONDS);
            }
            Histogram latencies = tally.measured();
            double seconds = (measureUntil - measureFrom) / 1e9;
            return BenchResult.of(label, spec.describe(), seconds, tally.measuredDone(), latencies, tally.errors(),
                    tally.strays(), lost);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private static void awaitBinds(List<LoadHandler> handlers) throws IOException, InterruptedException {
        try {
            CompletableFuture.allOf(handlers.stream().map(LoadHandler::bound).toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("bind failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the server did not answer the bind within 10 s", e);
        }
    }

    /** Prints progress until the measured part is over and returns the time it ended. */
    private static long report(String label, LoadSpec spec, Tally tally, long t0, long measureFrom,
                               Consumer<String> progress) throws InterruptedException {
        long measureEnd = spec.count() > 0 ? Long.MAX_VALUE : measureFrom + spec.duration().toNanos();
        long last = t0;
        tally.liveInterval();
        while (true) {
            long now = System.nanoTime();
            long nextTick = last + TimeUnit.SECONDS.toNanos(1);
            long wake = Math.min(nextTick, measureEnd);
            while (now < wake) {
                if (spec.count() > 0 && tally.measuredDone() >= spec.count()) {
                    return now;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(wake - now, TimeUnit.MILLISECONDS.toNanos(5)));
                now = System.nanoTime();
            }
            if (now >= measureEnd) {
                return measureEnd;
            }
            Histogram interval = tally.liveInterval();
            double rate = tally.liveDoneAndReset() / ((now - last) / 1e9);
            long errors = tally.liveErrorsAndReset();
            last = now;
            progress.accept(String.format("%-9s %5.0fs  %-9s %,10.0f tx/s  p99 %8.2f ms  errors %,d  in flight %,d",
                    label, (now - t0) / 1e9, now < measureFrom ? "warm-up" : "measuring", rate,
                    interval.getValueAtPercentile(99) / 1000.0, errors, tally.inFlight()));
        }
    }
}
