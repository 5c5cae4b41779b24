package org.starhash.gateway.store;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary directories in {@code /dev/shm} where it exists: the fault tests inject their faults themselves and
 * force thousands of times, which a memory file system does at once and a real disk in milliseconds each.
 */
public final class MemoryTempDir implements TempDirFactory {

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return Files.createTempDirectory(shm, "starhash-test");
        }
        return Files.createTempDirectory("starhash-test");
    }
}
