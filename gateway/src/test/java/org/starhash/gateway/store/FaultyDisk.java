package org.starhash.gateway.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The real file system with faults a test arms: the Nth write, force, read, open, delete or rename of the files
 * a filter picks fails as the kernel would fail it, a write with a torn prefix first; or every write past a
 * byte budget fails with "No space left on device"; or every open fails with "Too many open files".
 */
public final class FaultyDisk implements Disk {

    /** The operations a fault can hit. */
    public enum Op { WRITE, FORCE, READ, OPEN, DELETE, RENAME, TRUNCATE }

    /** One armed fault: the {@code countdown}th operation of a kind on the files the filter picks. */
    private static final class Rule {
        final Op op;
        long countdown;
        final Predicate<Path> filter;
        final boolean persistent;
        boolean spent;

        Rule(Op op, long countdown, Predicate<Path> filter, boolean persistent) {
            this.op = op;
            this.countdown = countdown;
            this.filter = filter;
            this.persistent = persistent;
        }
    }

    private final java.util.List<Rule> rules = new java.util.ArrayList<>();
    private volatile long spaceLeft = Long.MAX_VALUE;
    private volatile boolean descriptorsExhausted;
    private final AtomicLong injected = new AtomicLong();
    private volatile Predicate<Path> heldForces = path -> false;
    private volatile java.util.concurrent.CountDownLatch forceEntered = new java.util.concurrent.CountDownLatch(0);
    private volatile java.util.concurrent.CountDownLatch forceGate = new java.util.concurrent.CountDownLatch(0);

    /**
     * Holds every force of the files {@code files} picks until {@code gate} opens; {@code entered} counts down as
     * one begins: a test sees the writer mid-commit.
     */
    public FaultyDisk holdForces(Predicate<Path> files, java.util.concurrent.CountDownLatch entered,
                                 java.util.concurrent.CountDownLatch gate) {
        this.forceEntered = entered;
        this.forceGate = gate;
        this.heldForces = files;
        return this;
    }

    /**
     * Fails the {@code nth} operation of a kind on the files {@code filter} picks, and every one after it if
     * persistent; faults armed together each count on their own.
     */
    public synchronized FaultyDisk failAt(Op kind, long nth, Predicate<Path> files, boolean everyOneAfter) {
        rules.add(new Rule(kind, nth, files, everyOneAfter));
        return this;
    }

    /** Lets only {@code bytes} more bytes be written; each write past them fails with ENOSPC. */
    public FaultyDisk spaceLeft(long bytes) {
        this.spaceLeft = bytes;
        return this;
    }

    public FaultyDisk descriptorsExhausted(boolean exhausted) {
        this.descriptorsExhausted = exhausted;
        return this;
    }

    /** Takes every fault away: the disk works again. */
    public synchronized FaultyDisk heal() {
        rules.clear();
        spaceLeft = Long.MAX_VALUE;
        descriptorsExhausted = false;
        return this;
    }

    /** How many faults fired. */
    public long injected() {
        return injected.get();
    }

    private synchronized void check(Op kind, Path path) throws IOException {
        for (Rule rule : rules) {
            if (rule.spent || rule.op != kind || !rule.filter.test(path)) {
                continue;
            }
            if (rule.countdown > 1) {
                rule.countdown--;
                continue;
            }
            rule.spent = !rule.persistent;
            injected.incrementAndGet();
            throw new IOException("Input/output error (injected " + kind + " fault on " + path.getFileName() + ")");
        }
    }

    @Override
    public FileChannel open(Path path, OpenOption... options) throws IOException {
        if (descriptorsExhausted) {
            injected.incrementAndGet();
            throw new java.nio.file.FileSystemException(path.toString() + ": Too many open files");
        }
        check(Op.OPEN, path);
        return new Channel(FileChannel.open(path, options), path);
    }

    @Override
    public void delete(Path path) throws IOException {
        check(Op.DELETE, path);
        Disk.super.delete(path);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        check(Op.RENAME, from);
        Disk.super.rename(from, to);
    }

    /** A channel whose writes, forces and reads pass the armed faults. */
    private final class Channel extends FileChannel {
        private final FileChannel real;
        private final Path path;

        Channel(FileChannel real, Path path) {
            this.real = real;
            this.path = path;
        }

        /** Lets through what fits the space and the faults; a failing write first writes a torn prefix. */
        private int write(ByteBuffer src, long position, boolean positional) throws IOException {
            int length = src.remaining();
            boolean full;
            synchronized (FaultyDisk.this) {
                full = spaceLeft < length;
                if (!full && spaceLeft != Long.MAX_VALUE) {
                    spaceLeft -= length;
                }
            }
            IOException fault = null;
            if (full) {
                injected.incrementAndGet();
                fault = new IOException("No space left on device (injected, " + path.getFileName() + ")");
            } else {
                try {
                    check(Op.WRITE, path);
                } catch (IOException e) {
                    fault = e;
                }
            }
            if (fault != null) {
                if (length > 1) {
                    ByteBuffer torn = src.duplicate();
                    torn.limit(torn.position() + length / 2);
                    if (positional) {
                        real.write(torn, position);
                    } else {
                        real.write(torn);
                    }
                }
                throw fault;
            }
            return positional ? real.write(src, position) : real.write(src);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            check(Op.READ, path);
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            check(Op.READ, path);
            return real.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return write(src, -1, false);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                n += write(srcs[i]);
            }
            return n;
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            check(Op.TRUNCATE, path);
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (heldForces.test(path)) {
                forceEntered.countDown();
                try {
                    forceGate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while a test held the force", e);
                }
            }
            check(Op.FORCE, path); // after the hold: a test may arm a fault for the force it holds
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(count, 64 << 10));
            int n = read(buf, position);
            if (n <= 0) {
                return 0;
            }
            buf.flip();
            long written = 0;
            while (buf.hasRemaining()) {
                written += target.write(buf);
            }
            return written;
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new UnsupportedOperationException("not used by the store");
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            check(Op.READ, path);
            return real.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return write(src, position, true);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException("not used by the store");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
