package org.starhash.gateway.store;

import org.mapdb.DBException;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * MapDB's storage of a state file, over a channel the store opened through its {@link Disk}: every read, write
 * and force of MapDB then passes the same seam as the journal's, and an I/O error surfaces as MapDB's own
 * exception on the thread that caused it. Positional reads and writes only, so one channel serves every thread.
 */
final class ChannelVolume extends Volume {

    /** Growth step of the file, as MapDB's own file volumes use. */
    private static final long GROWTH = 1 << 20;

    private final FileChannel channel;
    private final File file;
    private volatile long size;

    ChannelVolume(FileChannel channel, File file) throws IOException {
        this.channel = channel;
        this.file = file;
        this.size = channel.size();
    }

    @Override
    public synchronized void ensureAvailable(long offset) {
        if (offset <= size) {
            return;
        }
        long target = (offset + GROWTH - 1) / GROWTH * GROWTH;
        // Written, not only extended, so a full disk refuses here and not at a later write into a hole.
        ByteBuffer zeros = ByteBuffer.allocate(64 << 10);
        for (long at = size; at < target; at += zeros.capacity()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), target - at));
            writeFully(at, zeros);
        }
        size = target;
    }

    @Override
    public synchronized void truncate(long newSize) {
        try {
            channel.truncate(newSize);
            size = newSize;
        } catch (IOException e) {
            throw new DBException.VolumeIOError(e);
        }
    }

    private void writeFully(long offset, ByteBuffer buf) {
        try {
            long at = offset;
            while (buf.hasRemaining()) {
                at += channel.write(buf, at);
            }
        } catch (IOException e) {
            throw new DBException.VolumeIOError(e);
        }
    }

    private ByteBuffer readFully(long offset, ByteBuffer buf) {
        try {
            long at = offset;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, at);
                if (n < 0) {
                    throw new EOFException("state file " + file + " ends before byte " + at);
                }
                at += n;
            }
            return buf;
        } catch (IOException e) {
            throw new DBException.VolumeIOError(e);
        }
    }

    @Override
    public void putLong(long offset, long value) {
        writeFully(offset, ByteBuffer.allocate(8).putLong(0, value));
    }

    @Override
    public void putInt(long offset, int value) {
        writeFully(offset, ByteBuffer.allocate(4).putInt(0, value));
    }

    @Override
    public void putByte(long offset, byte value) {
        writeFully(offset, ByteBuffer.allocate(1).put(0, value));
    }

    @Override
    public void putData(long offset, byte[] src, int srcPos, int srcSize) {
        writeFully(offset, ByteBuffer.wrap(src, srcPos, srcSize));
    }

    @Override
    public void putData(long offset, ByteBuffer buf) {
        writeFully(offset, buf);
    }

    @Override
    public long getLong(long offset) {
        return readFully(offset, ByteBuffer.allocate(8)).getLong(0);
    }

    @Override
    public int getInt(long offset) {
        return readFully(offset, ByteBuffer.allocate(4)).getInt(0);
    }

    @Override
    public byte getByte(long offset) {
        return readFully(offset, ByteBuffer.allocate(1)).get(0);
    }

    @Override
    public DataInput2 getDataInput(long offset, int length) {
        return new DataInput2.ByteBuffer(readFully(offset, ByteBuffer.allocate(length)), 0);
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int length) {
        readFully(offset, ByteBuffer.wrap(bytes, bytesPos, length));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new DBException.VolumeIOError(e);
            }
        }
    }

    @Override
    public void sync() {
        try {
            channel.force(true);
        } catch (IOException e) {
            throw new DBException.VolumeIOError(e);
        }
    }

    @Override
    public int sliceSize() {
        return -1;
    }

    @Override
    public boolean isSliced() {
        return false;
    }

    @Override
    public long length() {
        return size;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public File getFile() {
        return file;
    }

    @Override
    public boolean getFileLocked() {
        return false;
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(64 << 10, Math.max(1, endOffset - startOffset)));
        for (long at = startOffset; at < endOffset; at += zeros.capacity()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), endOffset - at));
            writeFully(at, zeros);
        }
    }
}
