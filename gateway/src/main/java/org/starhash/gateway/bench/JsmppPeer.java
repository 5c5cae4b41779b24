package org.starhash.gateway.bench;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.starhash.gateway.smpp.SmppText;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer: jsmpp's own {@link SMPPServerSession} doing the same job the way its API offers it, accepting
 * each MO in its listener and sending the reply with the blocking {@code deliverShortMessage} from a pool.
 */
public final class JsmppPeer implements BenchServer, ServerMessageReceiverListener {

    private static final Logger LOG = LoggerFactory.getLogger(JsmppPeer.class);
    /** Threads that send replies; each blocks until its deliver_sm_resp comes. */
    public static final int REPLY_THREADS = 32;

    private final Loopback sockets;
    private final SMPPServerSessionListener listener;
    private final ExecutorService replies = Executors.newFixedThreadPool(REPLY_THREADS);
    private final Thread acceptor;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong messageIds = new AtomicLong();
    private final SmppText.Encoded reply;
    private volatile boolean running = true;

    public JsmppPeer(InetAddress host, int port, int queueCapacity, String replyText) throws IOException {
        this.reply = SmppText.encode(replyText);
        this.sockets = new Loopback(host);
        this.listener = new SMPPServerSessionListener(port, sockets);
        listener.setMessageReceiverListener(this);
        listener.setQueueCapacity(queueCapacity);
        this.acceptor = new Thread(this::acceptLoop, "jsmpp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(5_000);
                bind.accept("jsmpp");
                sessions.add(session);
            } catch (SocketException e) {
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warn("jsmpp peer: a bind failed: {}", e.toString());
                }
            }
        }
    }

    @Override
    public int port() {
        return sockets.port;
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession source) {
        boolean ussd = SmppText.ussdOpOf(sm) >= 0;
        replies.execute(() -> {
            try {
                OptionalParameter[] tlvs = Baselines.replyTlvs(ussd);
                source.deliverShortMessage(sm.getServiceType(), TypeOfNumber.valueOf(sm.getDestAddrTon()),
                        NumberingPlanIndicator.valueOf(sm.getDestAddrNpi()), sm.getDestAddress(),
                        TypeOfNumber.valueOf(sm.getSourceAddrTon()), NumberingPlanIndicator.valueOf(sm.getSourceAddrNpi()),
                        sm.getSourceAddr(), new ESMClass(), (byte) 0, (byte) 0, new RegisteredDelivery(),
                        DataCodings.newInstance(reply.dataCoding()), reply.bytes(), tlvs);
            } catch (Exception e) {
                if (running) {
                    LOG.debug("jsmpp peer: a reply failed: {}", e.toString());
                }
            }
        });
        try {
            return new SubmitSmResult(new MessageId(Long.toHexString(messageIds.incrementAndGet())), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new IllegalStateException("a hexadecimal message id is always valid", e);
        }
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    /** The peer does what the benchmark needs, submit_sm; anything else is refused as an unknown command. */
    private static ProcessRequestException unsupported() {
        return new ProcessRequestException("the peer takes submit_sm only", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void close() throws IOException {
        running = false;
        listener.close();
        sessions.forEach(SMPPServerSession::unbindAndClose);
        replies.shutdownNow();
    }

    /** Listens on the given address only, not on every interface as jsmpp's default factory does. */
    private static final class Loopback implements ServerConnectionFactory {
        private final InetAddress host;
        private volatile int port;

        Loopback(InetAddress host) {
            this.host = host;
        }

        @Override
        public ServerConnection listen(int requested) throws IOException {
            return listen(requested, 0, 1024);
        }

        @Override
        public ServerConnection listen(int requested, int timeout) throws IOException {
            return listen(requested, timeout, 1024);
        }

        @Override
        public ServerConnection listen(int requested, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket(requested, backlog, host);
            port = socket.getLocalPort();
            ServerSocketConnection connection = new ServerSocketConnection(socket);
            connection.setSoTimeout(timeout);
            return connection;
        }
    }
}
