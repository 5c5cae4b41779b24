package org.starhash.gateway.store;

import org.mapdb.DBException;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MapDB's storage of a state file, over a channel the store opened through its {@link Disk}: every read, write
 * and force of MapDB then passes the same seam as the journal's, and an I/O error surfaces as MapDB's own
 * exception on the thread that caused it.
 *
 * <p>It keeps the pages it read or wrote in memory, least recently used dropped first, and writes changed pages
 * back when one is dropped and at {@link #sync()} (MapDB's commit), before the force. MapDB reads and writes a few
 * bytes at a time, many times for one put; a system call for each made a checkpoint slower than the usage events a
 * mediation system sends, so the overlay filled. A checkpoint's target file is trusted only once its commit's
 * force and the marker after it are done, so writing its pages later than MapDB asked changes nothing of what a
 * crash leaves; a write that fails fails that checkpoint, as before, only at the commit rather than at the put.
 */
final class ChannelVolume extends Volume {

    /** Growth step of the file, as MapDB's own file volumes use. */
    private static final long GROWTH = 1 << 20;
    private static final int PAGE = 4096;
    /** Pages kept per state file: 32 MiB. */
    private static final int PAGES = 8192;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final FileChannel channel;
    private final File file;
    private volatile long size;
    /** By page number, in order of use; guarded by {@code this}. */
    private final LinkedHashMap<Long, Page> pages = new LinkedHashMap<>(1024, 0.75f, true);

    /** One page of the file as MapDB last wrote it; dirty until written back. */
    private static final class Page {
        final byte[] bytes = new byte[PAGE];
        boolean dirty;
    }

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
        // Written, not only extended, so a full disk refuses here and not at a later write into a hole. A cached
        // page reaching past the old end holds zeros there already.
        ByteBuffer zeros = ByteBuffer.allocate(64 << 10);
        for (long at = size; at < target; at += zeros.capacity()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), target - at));
            writeFully(at, zeros);
        }
        size = target;
    }

    @Override
    public synchronized void truncate(long newSize) {
        writeBack();
        pages.clear();
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

    /** The page, read from the file when not in memory (past the file's end: zeros); with the lock held. */
    private Page page(long index) {
        Page page = pages.get(index);
        if (page != null) {
            return page;
        }
        page = new Page();
        ByteBuffer into = ByteBuffer.wrap(page.bytes);
        try {
            long at = index * PAGE;
            while (into.hasRemaining()) {
                int n = channel.read(into, at);
                if (n < 0) {
                    break;
                }
                at += n;
            }
        } catch (IOException e) {
            throw new DBException.VolumeIOError(e);
        }
        pages.put(index, page);
        if (pages.size() > PAGES) {
            Iterator<Map.Entry<Long, Page>> eldest = pages.entrySet().iterator();
            Map.Entry<Long, Page> e = eldest.next();
            if (e.getValue().dirty) {
                write(e.getKey(), e.getValue());
            }
            eldest.remove();
        }
        return page;
    }

    /** Writes a page back, no further than the file's end; with the lock held. */
    private void write(long index, Page page) {
        long at = index * PAGE;
        int length = (int) Math.min(PAGE, Math.max(0, size - at));
        writeFully(at, ByteBuffer.wrap(page.bytes, 0, length));
        page.dirty = false;
    }

    /** Writes every changed page back, in the file's order; with the lock held. */
    private void writeBack() {
        List<Map.Entry<Long, Page>> dirty = new ArrayList<>();
        for (Map.Entry<Long, Page> e : pages.entrySet()) {
            if (e.getValue().dirty) {
                dirty.add(e);
            }
        }
        dirty.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Long, Page> e : dirty) {
            write(e.getKey(), e.getValue());
        }
    }

    private synchronized void read(long offset, byte[] into, int pos, int length) {
        long at = offset;
        int done = 0;
        while (done < length) {
            int in = (int) (at % PAGE);
            int n = Math.min(length - done, PAGE - in);
            System.arraycopy(page(at / PAGE).bytes, in, into, pos + done, n);
            done += n;
            at += n;
        }
    }

    private synchronized void write(long offset, byte[] from, int pos, int length) {
        long at = offset;
        int done = 0;
        while (done < length) {
            int in = (int) (at % PAGE);
            int n = Math.min(length - done, PAGE - in);
            Page page = page(at / PAGE);
            System.arraycopy(from, pos + done, page.bytes, in, n);
            page.dirty = true;
            done += n;
            at += n;
        }
    }

    @Override
    public synchronized void putLong(long offset, long value) {
        if (offset % PAGE <= PAGE - 8) {
            Page page = page(offset / PAGE);
            LONG.set(page.bytes, (int) (offset % PAGE), value);
            page.dirty = true;
        } else {
            byte[] bytes = new byte[8];
            LONG.set(bytes, 0, value);
            write(offset, bytes, 0, 8);
        }
    }

    @Override
    public synchronized void putInt(long offset, int value) {
        byte[] bytes = new byte[4];
        INT.set(bytes, 0, value);
        write(offset, bytes, 0, 4);
    }

    @Override
    public void putByte(long offset, byte value) {
        write(offset, new byte[] {value}, 0, 1);
    }

    @Override
    public void putData(long offset, byte[] src, int srcPos, int srcSize) {
        write(offset, src, srcPos, srcSize);
    }

    @Override
    public void putData(long offset, ByteBuffer buf) {
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        write(offset, bytes, 0, bytes.length);
    }

    @Override
    public synchronized long getLong(long offset) {
        if (offset % PAGE <= PAGE - 8) {
            return (long) LONG.get(page(offset / PAGE).bytes, (int) (offset % PAGE));
        }
        byte[] bytes = new byte[8];
        read(offset, bytes, 0, 8);
        return (long) LONG.get(bytes, 0);
    }

    @Override
    public int getInt(long offset) {
        byte[] bytes = new byte[4];
        read(offset, bytes, 0, 4);
        return (int) INT.get(bytes, 0);
    }

    @Override
    public synchronized byte getByte(long offset) {
        return page(offset / PAGE).bytes[(int) (offset % PAGE)];
    }

    @Override
    public DataInput2 getDataInput(long offset, int length) {
        byte[] bytes = new byte[length];
        read(offset, bytes, 0, length);
        return new DataInput2.ByteBuffer(ByteBuffer.wrap(bytes), 0);
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int length) {
        read(offset, bytes, bytesPos, length);
    }

    /** Writes what is changed back and closes the channel, which closes even when the write-back fails. */
    @Override
    public synchronized void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                writeBack();
            } finally {
                pages.clear();
                try {
                    channel.close();
                } catch (IOException e) {
                    throw new DBException.VolumeIOError(e);
                }
            }
        }
    }

    /** MapDB's commit: every changed page written back, then forced. */
    @Override
    public synchronized void sync() {
        writeBack();
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
        byte[] zeros = new byte[(int) Math.min(PAGE, Math.max(1, endOffset - startOffset))];
        for (long at = startOffset; at < endOffset; at += zeros.length) {
            write(at, zeros, 0, (int) Math.min(zeros.length, endOffset - at));
        }
    }
}
