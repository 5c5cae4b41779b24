package org.starhash.gateway.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any directory CSV loads, every entry with a name and a number, or is refused with one line naming the file. */
class DirectoryCsvFuzzTest {

    private static final Path FILE = file();

    private static Path file() {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.createTempDirectory(Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
                    "directory-fuzz");
            return dir.resolve("directory.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyDirectoryFileLoadsOrIsRefusedWithALine(FuzzedDataProvider data) throws IOException {
        Files.write(FILE, data.consumeRemainingAsBytes());
        try {
            for (KeywordSettings.DirectoryEntry e : DirectoryCsv.read(FILE.toUri().toURL(), "directory.csv")) {
                assertFalse(e.name().isBlank(), e::toString);
                assertFalse(e.number().isBlank(), e::toString);
            }
        } catch (ConfigException refused) {
            assertTrue(refused.getMessage().startsWith("directory.csv"), refused.getMessage());
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
        }
    }
}
