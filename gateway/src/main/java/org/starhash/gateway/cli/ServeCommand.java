package org.starhash.gateway.cli;

import org.starhash.gateway.Gateway;
import org.starhash.gateway.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Starts the gateway and runs until stopped (Ctrl-C or SIGTERM stops it cleanly). */
@Command(name = "serve", description = "Start the gateway.", mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ConfigOption options;

    @Override
    public Integer call() throws Exception {
        GatewayConfig config = options.load();
        Gateway gateway = Gateway.start(config, options.dataDir(), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                gateway.close();
            } catch (Exception e) {
                System.err.println("starhash: error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
