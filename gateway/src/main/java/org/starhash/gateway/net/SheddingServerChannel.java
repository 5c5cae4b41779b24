package org.starhash.gateway.net;

import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A listening socket that keeps one descriptor in reserve: when an accept fails because the process has no
 * descriptor left, it gives the reserve up for a moment to accept the waiting connection and close it at once,
 * so the peer is refused cleanly instead of hanging in the backlog, then takes the reserve back.
 */
public final class SheddingServerChannel extends NioServerSocketChannel {

    private static final Path RESERVE = Path.of("/dev/null");

    private FileChannel reserve = openReserve();

    private static FileChannel openReserve() {
        try {
            return FileChannel.open(RESERVE, StandardOpenOption.READ);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    protected int doReadMessages(List<Object> buf) throws Exception {
        try {
            return super.doReadMessages(buf);
        } catch (IOException e) {
            if (reserve != null && isOutOfDescriptors(e)) {
                reserve.close();
                reserve = null;
                try {
                    SocketChannel refused = javaChannel().accept();
                    if (refused != null) {
                        refused.close();
                    }
                } catch (IOException ignored) {
                    // the next accept tries again
                } finally {
                    reserve = openReserve();
                }
            }
            throw new OutOfDescriptorsException(e);
        }
    }

    /** Whether an accept failed for want of a descriptor (EMFILE, or ENFILE for the whole system). */
    static boolean isOutOfDescriptors(Throwable e) {
        String message = e.getMessage();
        return message != null && (message.contains("Too many open files") || message.contains("Too many open files in system"));
    }

    @Override
    protected void doClose() throws Exception {
        try {
            super.doClose();
        } finally {
            if (reserve != null) {
                reserve.close();
                reserve = null;
            }
        }
    }

    /** An accept that failed, marked so the guard can tell it from other errors of the listener. */
    static final class OutOfDescriptorsException extends IOException {
        OutOfDescriptorsException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
