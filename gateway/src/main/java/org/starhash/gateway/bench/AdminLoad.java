package org.starhash.gateway.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Load on the admin API over keep-alive HTTP: batches of usage events ({@code POST /admin/usage}) or authorization
 * queries ({@code POST /admin/authorize}), from several connections each with one request outstanding, for a
 * warm-up and then a measured time. Counts requests, items (events or queries), non-200 answers, and latency.
 */
public final class AdminLoad {

    /** What to send. */
    public enum Mode { USAGE, AUTHORIZE }

    /**
     * What a run measured.
     *
     * @param requests requests answered 200 in the measured time
     * @param items    events or queries in them
     * @param errors   answers other than 200
     * @param latency  per request, microseconds
     */
    public record Result(long requests, long items, long errors, double seconds, Histogram latency) {
        public double itemsPerSecond() {
            return items / seconds;
        }
    }

    private AdminLoad() {
    }

    /**
     * Runs the load.
     *
     * @param firstMsisdn the first of {@code subscribers} numbers the server has
     */
    public static Result run(String host, int port, String token, Mode mode, int connections, int batch,
                             long firstMsisdn, int subscribers, int warmupSeconds, int seconds, PrintStream out)
            throws InterruptedException {
        AtomicLong ids = new AtomicLong();
        String run = Long.toString(System.currentTimeMillis(), 36);
        LongFunction<String> body = mode == Mode.USAGE
                ? n -> usage(run, ids, batch, firstMsisdn, subscribers)
                : n -> "{\"msisdn\":\"" + (firstMsisdn + ThreadLocalRandom.current().nextInt(subscribers))
                + "\",\"service\":\"data_roaming\",\"zone\":\"eu\"}";
        String path = mode == Mode.USAGE ? "/admin/usage" : "/admin/authorize";
        int perRequest = mode == Mode.USAGE ? batch : 1;
        EventLoopGroup group = new NioEventLoopGroup(1);
        Tally tally = new Tally();
        try {
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                clients.add(new Client(group, host, port, token, path, body, perRequest, tally));
            }
            long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
            clients.forEach(Client::next);
            report(out, "warm-up", tally, warmEnd, perRequest);
            tally.reset();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            report(out, "measuring", tally, end, perRequest);
            double took = (System.nanoTime() - start) / 1e9;
            Result result = tally.result(took);
            CountDownLatch stopped = new CountDownLatch(clients.size());
            clients.forEach(c -> c.stop(stopped));
            stopped.await(10, TimeUnit.SECONDS);
            return result;
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    private static void report(PrintStream out, String phase, Tally tally, long until, int perRequest) throws InterruptedException {
        long last = tally.items();
        while (System.nanoTime() < until) {
            Thread.sleep(Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
            long now = tally.items();
            out.printf("%-10s %,10d items/s  errors %d%n", phase, now - last, tally.errors());
            last = now;
        }
    }

    private static String usage(String run, AtomicLong ids, int batch, long firstMsisdn, int subscribers) {
        StringBuilder s = new StringBuilder(batch * 110).append("{\"events\":[");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < batch; i++) {
            if (i > 0) {
                s.append(',');
            }
            long n = ids.incrementAndGet();
            long msisdn = firstMsisdn + random.nextInt(subscribers);
            s.append("{\"id\":\"").append(run).append('-').append(n).append("\",\"msisdn\":\"").append(msisdn).append('"');
            switch ((int) (n % 4)) {
                case 0 -> s.append(",\"kind\":\"data_roaming\",\"zone\":\"eu\",\"amount\":\"0.01\",\"mb\":1}");
                case 1 -> s.append(",\"kind\":\"extra_spend\",\"amount\":\"0.01\"}");
                case 2 -> s.append(",\"kind\":\"package\",\"minutes\":1,\"sms\":1,\"mb\":1}");
                default -> s.append(",\"kind\":\"data_roaming\",\"zone\":\"non_eu\",\"amount\":\"0.01\"}");
            }
        }
        return s.append("]}").toString();
    }

    /** The counts all connections add to. */
    private static final class Tally {
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong items = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private volatile Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);

        synchronized void answered(boolean ok, int perRequest, long micros) {
            if (ok) {
                requests.incrementAndGet();
                items.addAndGet(perRequest);
            } else {
                errors.incrementAndGet();
            }
            latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
        }

        long items() {
            return items.get();
        }

        long errors() {
            return errors.get();
        }

        synchronized void reset() {
            requests.set(0);
            items.set(0);
            errors.set(0);
            latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        }

        synchronized Result result(double seconds) {
            return new Result(requests.get(), items.get(), errors.get(), seconds, latency.copy());
        }
    }

    /** One keep-alive connection with one request outstanding. */
    private static final class Client extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Channel channel;
        private final String token;
        private final String path;
        private final LongFunction<String> body;
        private final int perRequest;
        private final Tally tally;
        private long sent;
        private long sentAt;
        private volatile CountDownLatch stopped;

        Client(EventLoopGroup group, String host, int port, String token, String path, LongFunction<String> body,
               int perRequest, Tally tally) throws InterruptedException {
            this.token = token;
            this.path = path;
            this.body = body;
            this.perRequest = perRequest;
            this.tally = tally;
            Client self = this;
            this.channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), self);
                        }
                    }).connect(host, port).sync().channel();
        }

        void next() {
            channel.eventLoop().execute(this::send);
        }

        private void send() {
            if (stopped != null) {
                stopped.countDown();
                return;
            }
            ByteBuf content = Unpooled.copiedBuffer(body.apply(sent++), StandardCharsets.UTF_8);
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, content);
            request.headers().set(HttpHeaderNames.HOST, "127.0.0.1")
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
                    .set("X-Starhash-Token", token);
            sentAt = System.nanoTime();
            channel.writeAndFlush(request);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            tally.answered(response.status().code() == 200, perRequest, (System.nanoTime() - sentAt) / 1000);
            send();
        }

        void stop(CountDownLatch done) {
            stopped = done;
        }
    }
}
