package org.starhash.gateway.config;

import org.junit.jupiter.api.Test;
import org.starhash.gateway.services.Services;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code services.catalogue}: the shipped entries, one of every kind, and each bad entry refused by its path. */
class CatalogueConfigTest {

    private static final ConfigLoader LOADER = new ConfigLoader(Services.NAMES);
    private static final String MARK = "  catalogue:\n";

    private static String shipped() throws Exception {
        return Files.readString(Path.of("..", "config", "gateway.yaml"));
    }

    /** The shipped file with its catalogue replaced by {@code entries}. */
    private static String withCatalogue(String entries) throws Exception {
        String s = shipped();
        int start = s.indexOf(MARK) + MARK.length();
        int end = s.indexOf("  storm_alerts:", start);
        return s.substring(0, start) + entries + s.substring(end);
    }

    private static GatewayConfig load(String yaml) throws ConfigException {
        return LOADER.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "gateway.yaml",
                name -> {
                    Path file = Path.of("..", "config").resolve(name).normalize();
                    try {
                        return Files.exists(file) ? Optional.of(file.toUri().toURL()) : Optional.empty();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Test
    void theShippedCatalogueHasSeed004sPackagesAndOneServiceOfEveryKind() throws Exception {
        Catalogue catalogue = LOADER.load(Path.of("..", "config", "gateway.yaml")).catalogue();
        Catalogue.Offer zda = catalogue.offer("ZDA").orElseThrow();
        assertEquals("ZDA neomejeno mesečno", zda.name());
        assertEquals(Catalogue.Kind.MONTHLY, zda.kind());
        assertEquals(2999, zda.priceCents());
        assertTrue(zda.postpaid() && !zda.prepaid());
        Catalogue.Offer balkan = catalogue.offer("balkan500").orElseThrow();
        assertEquals(30, balkan.days());
        assertTrue(balkan.postpaid() && balkan.prepaid(), "for: both by default");
        assertEquals(List.of(Catalogue.Kind.values()), catalogue.offers().stream().map(Catalogue.Offer::kind).distinct()
                .sorted().toList());
        assertTrue(catalogue.offer("poslovni").orElseThrow().terms().orElseThrow().startsWith("Vezava 12 mesecev."));
    }

    @Test
    void eachBadEntryIsRefusedWithItsPath() throws Exception {
        String[][] cases = {
                {"    - { id: ZDA, name: X, kind: free }\n", "services.catalogue[0].id: 'ZDA' must be 1 to 20 lower-case"},
                {"    - { id: a, name: X, kind: free }\n    - { id: a, name: Y, kind: free }\n", "services.catalogue[1].id: 'a' is the id of an earlier entry too"},
                {"    - { id: a, name: X, kind: weekly, price: \"1\" }\n", "services.catalogue[0].kind: 'weekly' is none of free, pay_per_use"},
                {"    - { id: a, name: X, kind: fixed, price: \"1\" }\n", "services.catalogue[0].days"},
                {"    - { id: a, name: X, kind: monthly, price: \"1\", days: 3 }\n", "only a service of kind fixed has days"},
                {"    - { id: a, name: X, kind: special, price: \"1\" }\n", "needs the terms subscribers accept"},
                {"    - { id: a, name: X, kind: free, price: \"1\" }\n", "a free service has no price"},
                {"    - { id: a, name: X, kind: monthly }\n", "is required for kind monthly"},
                {"    - { id: a, name: X, kind: free, for: everyone }\n", "services.catalogue[0].for: 'everyone' is none of postpaid, prepaid, both"},
                {"    - { id: a, name: X, kind: free, colour: red }\n", "unknown key"},
        };
        for (String[] c : cases) {
            String message = assertThrows(ConfigException.class, () -> load(withCatalogue(c[0])), c[0]).getMessage();
            assertTrue(message.contains(c[1]), c[0] + " -> " + message);
        }
    }
}
