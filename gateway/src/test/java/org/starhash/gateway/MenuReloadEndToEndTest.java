package org.starhash.gateway;

import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starhash.gateway.config.GatewayConfig;
import org.starhash.gateway.menu.MenuProblem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Menu files edited while the gateway serves: good edits are picked up, a broken one never replaces the last good. */
class MenuReloadEndToEndTest {

    @TempDir
    Path dir;

    private static String dialled(TestPeer peer, String code) throws Exception {
        peer.dial("041000001", code, (short) 1);
        DeliverSm screen = peer.next();
        assertNotNull(screen, "no answer to " + code);
        return TestPeer.textOf(screen);
    }

    @Test
    void aBrokenFileKeepsTheOldMenuServingAndAGoodEditIsServedWithoutARestart() throws Exception {
        Path menus = dir.resolve("menus");
        Files.createDirectories(menus);
        Files.copy(Path.of("..", "menus", "122.yaml"), menus.resolve("122.yaml"));
        GatewayConfig config = TestGateway.editedConfig(dir.resolve("config"), yaml -> yaml
                .replace("menus: \"" + Path.of("..", "menus").toAbsolutePath().normalize() + "\"", "menus: \"" + menus + "\"")
                .replace("menu_reload_seconds: 2", "menu_reload_seconds: 1"));
        String shipped = Files.readString(menus.resolve("122.yaml"));
        try (Gateway gateway = TestGateway.start(config, dir.resolve("data"));
             TestPeer peer = TestPeer.transceiver(gateway)) {
            assertEquals("Nastavitve\n1 SMS sporočila", dialled(peer, "*122#"));

            Files.writeString(menus.resolve("122.yaml"), shipped.replace("\n  title: Nastavitve\n", "\n  title: Nastavitve\n  titel: x\n"));
            List<MenuProblem> problems = gateway.menus().reload();
            assertEquals(List.of(menus.resolve("122.yaml") + ":26: unknown key 'titel'; known keys here: dial_choice, items, title"),
                    problems.stream().map(MenuProblem::toString).toList());
            assertEquals("Nastavitve\n1 SMS sporočila", dialled(peer, "*122#"), "the last good menu keeps serving");

            Files.writeString(menus.resolve("122.yaml"), shipped.replace("\n  title: Nastavitve\n", "\n  title: Moje nastavitve\n"));
            String screen = dialled(peer, "*122#");
            for (int i = 0; i < 100 && !screen.startsWith("Moje"); i++) {
                Thread.sleep(100);
                screen = dialled(peer, "*122#");
            }
            assertEquals("Moje nastavitve\n1 SMS sporočila", screen, "the watcher loads the edit by itself");
        }
    }
}
