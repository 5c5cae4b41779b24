package org.starhash.gateway.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every file operation of the store, so that a test can make any one of them fail as a full disk, a lost
 * descriptor or a broken device would, and check that nothing acknowledged is lost.
 */
public interface Disk {

    /** The real file system. */
    Disk REAL = new Disk() {
    };

    default FileChannel open(Path path, OpenOption... options) throws IOException {
        return FileChannel.open(path, options);
    }

    default void delete(Path path) throws IOException {
        Files.deleteIfExists(path);
    }

    /** Renames atomically, replacing the target. */
    default void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    default List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    default void createDirectories(Path directory) throws IOException {
        Files.createDirectories(directory);
    }
}
