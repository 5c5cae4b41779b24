package org.starhash.gateway;

import org.jsmpp.bean.Command;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A bare socket to the gateway for what a well-behaved client never sends: bad lengths, PDUs before bind. */
public final class RawSmppConnection implements AutoCloseable {

    public static final DefaultComposer COMPOSER = new DefaultComposer();
    private static final DefaultDecomposer DECOMPOSER = new DefaultDecomposer();

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    public RawSmppConnection(Gateway gateway) throws IOException {
        this(gateway, 0);
    }

    /** A connection whose receive buffer is {@code receiveBuffer} bytes (0: the system's), for a peer that reads slowly. */
    public RawSmppConnection(Gateway gateway, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", gateway.smppAddress().getPort()), 5_000);
        socket.setSoTimeout(5_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    public void send(byte[] pdu) throws IOException {
        out.write(pdu);
        out.flush();
    }

    /** Reads one PDU and returns it whole. */
    public byte[] read() throws IOException {
        int length = in.readInt();
        byte[] pdu = new byte[length];
        pdu[0] = (byte) (length >>> 24);
        pdu[1] = (byte) (length >>> 16);
        pdu[2] = (byte) (length >>> 8);
        pdu[3] = (byte) length;
        in.readFully(pdu, 4, length - 4);
        return pdu;
    }

    /** Reads the header of the next PDU. */
    public Command readHeader() throws IOException {
        return DECOMPOSER.header(read());
    }

    /** Whether the gateway closed the connection (reads end of stream within the timeout). */
    public boolean closedByPeer() throws IOException {
        try {
            return in.read() == -1;
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
