package io.turnout.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local listening socket whose every accepted connection is relayed over a fresh SSH channel.
 * Each connection gets two virtual threads, one per direction, each owning one direction of the
 * local {@link SocketChannel} (SocketChannel supports one concurrent reader and one writer; we
 * never wrap it in {@code Channels.newInputStream/newOutputStream}, which share a lock and
 * deadlock). End of stream is propagated as a half-close both ways (SSH EOF / shutdownOutput),
 * so HTTP request/response streaming works; the connection ends when both directions ended.
 */
final class Relay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    private static final int BUFFER = 32 * 1024;

    /** Creates the (unconnected) SSH channel for one relayed connection. */
    @FunctionalInterface
    interface ChannelFactory {
        Channel create(Session session) throws JSchException;
    }

    /** The live session, waiting (bounded) while it reconnects. */
    @FunctionalInterface
    interface SessionSource {
        Session await();
    }

    private final String name;
    private final ServerSocketChannel server;
    private final SessionSource sessions;
    private final ChannelFactory factory;
    private final int channelTimeoutMs;
    private final Runnable onClose;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong accepted = new AtomicLong();

    Relay(String name, ServerSocketChannel server, SessionSource sessions, ChannelFactory factory, int channelTimeoutMs, Runnable onClose) {
        this.name = name;
        this.server = server;
        this.sessions = sessions;
        this.factory = factory;
        this.channelTimeoutMs = channelTimeoutMs;
        this.onClose = onClose;
    }

    Relay start() {
        Thread.ofVirtual().name("ssh-relay-accept " + name).start(this::acceptLoop);
        return this;
    }

    long acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed.get()) {
            try {
                SocketChannel client = server.accept();
                accepted.incrementAndGet();
                clients.add(client);
                Thread.ofVirtual().name("ssh-relay " + name).start(() -> serve(client));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed.get()) {
                    LOG.warn("Relay {} stopped accepting: {}", name, e.toString());
                }
                return;
            }
        }
    }

    private void serve(SocketChannel client) {
        Channel channel = null;
        try {
            Session session = sessions.await();
            channel = factory.create(session);
            InputStream fromRemote = channel.getInputStream();
            OutputStream toRemote = channel.getOutputStream();
            channel.connect(channelTimeoutMs);
            Channel ch = channel;
            Thread up = Thread.ofVirtual().name("ssh-relay-up " + name).start(() -> pumpUp(client, toRemote, ch));
            pumpDown(fromRemote, client);
            // the remote may close the channel while the local client keeps its half open
            while (!up.join(java.time.Duration.ofMillis(200))) {
                if (ch.isClosed() || closed.get()) {
                    closeQuietly(client);
                }
            }
        } catch (SshException | JSchException | IOException e) {
            LOG.warn("Relay {}: cannot open SSH channel: {}", name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
            clients.remove(client);
            closeQuietly(client);
        }
    }

    /** local → remote; local EOF becomes SSH EOF (half-close). */
    private void pumpUp(SocketChannel client, OutputStream toRemote, Channel channel) {
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        try {
            while (true) {
                buf.clear();
                int n = client.read(buf);
                if (n < 0) {
                    break;
                }
                toRemote.write(buf.array(), 0, n);
                toRemote.flush();
            }
            toRemote.close(); // sends SSH_MSG_CHANNEL_EOF, the channel stays open for the reply
        } catch (IOException e) {
            LOG.debug("Relay {} upstream ended: {}", name, e.toString());
            channel.disconnect(); // local side broke: abandon the channel, which also ends pumpDown
        }
    }

    /** remote → local; remote EOF becomes shutdownOutput on the local socket. */
    private void pumpDown(InputStream fromRemote, SocketChannel client) {
        byte[] buf = new byte[BUFFER];
        try {
            while (true) {
                int n = fromRemote.read(buf);
                if (n < 0) {
                    break;
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    client.write(bb);
                }
            }
            client.shutdownOutput();
        } catch (IOException e) {
            LOG.debug("Relay {} downstream ended: {}", name, e.toString());
            closeQuietly(client); // also ends pumpUp's read
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(server);
        for (SocketChannel c : clients) {
            closeQuietly(c);
        }
        onClose.run();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
