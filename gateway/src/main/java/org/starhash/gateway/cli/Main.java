package org.starhash.gateway.cli;

import org.starhash.gateway.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of the jar: picocli subcommands, and one clear line instead of a stack trace on errors. */
@Command(name = "starhash", mixinStandardHelpOptions = true, version = "starhash 0.1.0",
        description = "USSD and SMS gateway for mobile operators.",
        subcommands = {ServeCommand.class, CheckCommand.class, ImportCommand.class, DialCommand.class, SmsCommand.class, BenchCommand.class,
                BenchServerCommand.class, SoakCommand.class, AdminBenchCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 failed, 2 bad config or usage. */
    static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("starhash: " + e.getMessage());
                return 2;
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            commandLine.getErr().println("starhash: " + message);
            return 1;
        });
        return cli.execute(args);
    }
}
