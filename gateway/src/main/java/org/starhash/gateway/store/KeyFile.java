package org.starhash.gateway.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A secret the gateway makes for itself, once, and keeps in its data directory: the key one-time codes are
 * hashed with, so a copy of the store alone does not let anyone check a guessed code. Readable by the gateway's
 * user only; never logged.
 */
public final class KeyFile {

    /** 256 bits, as HMAC-SHA256 wants. */
    public static final int BYTES = 32;

    private KeyFile() {
    }

    /** The key in {@code file}, made and written there first when there is none. */
    public static byte[] loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[BYTES];
            new SecureRandom().nextBytes(key);
            Path partial = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(partial);
            try {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(partial);
            }
            Files.write(partial, key);
            try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.deleteIfExists(partial);
                if (!Files.exists(file)) {
                    throw e;
                }
            }
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != BYTES) {
            throw new IOException(file + " holds " + key.length + " bytes, not a key of " + BYTES
                    + "; remove it to make a new one (codes sent before then stop working)");
        }
        return key;
    }
}
