package org.starhash.gateway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Validates the config without starting anything; exits non-zero on the first error. */
@Command(name = "check", description = "Validate the config without starting the server.", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ConfigOption options;

    @Override
    public Integer call() throws Exception {
        options.load();
        System.out.println("config OK");
        return 0;
    }
}
