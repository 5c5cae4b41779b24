package org.starhash.gateway.cli;

import org.starhash.gateway.Gateway;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.config.SubscriberCsv;
import org.starhash.gateway.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

/** Loads subscribers from CSV into the store: all rows or, on any bad row, none. */
@Command(name = "import", description = "Import subscribers from a CSV file (the gateway must be stopped).",
        mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "subscribers, with a header row")
    Path file;

    @Mixin
    ConfigOption options;

    @Override
    public Integer call() throws Exception {
        GatewayConfig config = options.load();
        List<SubscriberCsv.Row> subscribers;
        try (InputStream in = Files.newInputStream(file)) {
            subscribers = SubscriberCsv.read(in, file.toString(), config.numbering(), YearMonth.now(config.zone()));
        }
        try (Gateway.DataLock lock = Gateway.DataLock.acquire(options.dataDir());
             Store store = Store.open(options.dataDir().resolve(Gateway.STORE_DIRECTORY), config.store())) {
            int count = SubscriberCsv.store(store, subscribers).get();
            System.out.println("imported " + count + " subscribers into " + options.dataDir());
        }
        return 0;
    }
}
