package org.starhash.gateway.cli;

import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.engine.MenuSetup;
import org.starhash.gateway.menu.MenuLibrary;
import org.starhash.gateway.menu.MenuProblem;
import org.starhash.gateway.services.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Validates the config and the menu files without starting anything; exits non-zero on any error. */
@Command(name = "check", description = "Validate the config and the USSD menu files without starting the server.",
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "the menu directory to check (default: ussd.menus of the config)")
    Path directory;

    @Mixin
    ConfigOption options;

    @Override
    public Integer call() throws Exception {
        GatewayConfig config = options.load();
        System.out.println("config OK");
        Optional<Path> menus = directory != null ? Optional.of(directory) : config.ussd().menus();
        if (menus.isEmpty()) {
            System.out.println("no menu directory configured");
            return 0;
        }
        try (MenuLibrary library = MenuSetup.library(config, Services.builtIn(config), menus)) {
            List<MenuProblem> problems = library.reload();
            problems.forEach(p -> System.err.println("starhash: " + p));
            if (!problems.isEmpty()) {
                System.err.println("starhash: " + problems.size() + " problem(s) in the menus of " + menus.get());
                return 1;
            }
            System.out.println("menus OK: " + library.codes().size() + " code(s) in " + menus.get() + ": "
                    + String.join(", ", library.codes().stream().map(c -> "*" + c + "#").toList()));
            return 0;
        }
    }
}
