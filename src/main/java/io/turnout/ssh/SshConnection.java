package io.turnout.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelDirectStreamLocal;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.turnout.feed.Feed;
import io.turnout.feed.ValueFeed;
import io.turnout.target.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.LockSupport;

/**
 * One multiplexed SSH session to one host: exec, SFTP, UNIX-socket and TCP relays all run as
 * channels of it. {@link #open} connects eagerly (errors surface at once, as one sentence); a
 * monitor thread then measures the round trip every few seconds, notices drops (JSch keep-alives,
 * failed probes) and reconnects with exponential backoff, re-verifying host keys. Authentication
 * and host key failures are never retried: the state goes {@code Failed}. While reconnecting, new
 * channels wait up to {@link SshOptions#reconnectWait()} for the session.
 */
public final class SshConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);
    private static final Duration TICK = Duration.ofMillis(250);

    private final SshHostConfig cfg;
    private final SshOptions opts;
    private final SessionOpener opener;
    private final ValueFeed<ConnectionState> state = new ValueFeed<>(new ConnectionState.Connecting());
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private SessionOpener.Opened current; // guarded by lock
    private boolean closed; // guarded by lock
    private String failure; // guarded by lock
    private Thread monitor;

    private SshConnection(SshHostConfig cfg, SshOptions opts, Optional<String> agentSocket) {
        this.cfg = cfg;
        this.opts = opts;
        this.opener = new SessionOpener(cfg, opts, agentSocket);
    }

    /** Connects now (through ProxyJump hops if configured); throws {@link SshException} with a one-sentence reason. */
    public static SshConnection open(SshHostConfig cfg, SshOptions opts) {
        SshConnection c = new SshConnection(cfg, opts, opts.agentSocket().map(Path::toString));
        c.connectFirst();
        return c;
    }

    public SshHostConfig config() {
        return cfg;
    }

    /** Connecting → Connected(rtt) (refreshed every {@link SshOptions#roundTripInterval()}) ⇄ Reconnecting → Failed / Disconnected. */
    public Feed<ConnectionState> state() {
        return state;
    }

    private void connectFirst() {
        try {
            SessionOpener.Opened o = opener.open();
            lock.lock();
            try {
                current = o;
            } finally {
                lock.unlock();
            }
            state.publish(new ConnectionState.Connected(probe(o.target())));
        } catch (SshException e) {
            fail(e.getMessage());
            throw e;
        } catch (JSchException e) {
            fail("SSH session to " + cfg.label() + " does not answer: " + e.getMessage());
            throw new SshException(failureReason(), e);
        }
        monitor = Thread.ofVirtual().name("ssh-monitor " + cfg.alias()).start(this::monitorLoop);
    }

    // ---- channels -------------------------------------------------------------------------

    /** Runs {@code command} on an exec channel; fails with {@link SshException} after {@code timeout}. */
    public ExecResult exec(String command, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ChannelExec ch = null;
        try {
            ch = (ChannelExec) awaitSession().openChannel("exec");
            ch.setCommand(command);
            InputStream out = ch.getInputStream();
            InputStream err = ch.getExtInputStream();
            ch.connect(millis(timeout));
            ch.getOutputStream().close(); // stdin EOF
            ByteArrayOutputStream outBuf = new ByteArrayOutputStream();
            ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
            Thread errReader = Thread.ofVirtual().start(() -> copy(err, errBuf));
            Thread outReader = Thread.ofVirtual().start(() -> copy(out, outBuf));
            // The readers end with the command's output; only the short gap between EOF and the
            // channel's close (which carries the exit status) is polled — JSch has no callback for it.
            boolean finished = joinUntil(outReader, deadline) && joinUntil(errReader, deadline);
            while (finished && !ch.isClosed()) {
                finished = System.nanoTime() < deadline;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            if (!finished) {
                ch.disconnect();
                throw new SshException("The command '" + command + "' on " + cfg.alias() + " did not finish within "
                        + ConnectErrors.seconds(timeout) + ".");
            }
            return new ExecResult(ch.getExitStatus(), outBuf.toString(StandardCharsets.UTF_8), errBuf.toString(StandardCharsets.UTF_8));
        } catch (JSchException | IOException e) {
            throw new SshException("Cannot run '" + command + "' on " + cfg.alias() + ": " + e.getMessage() + ".", e);
        } finally {
            if (ch != null) {
                ch.disconnect();
            }
        }
    }

    private static boolean joinUntil(Thread t, long deadlineNanos) {
        try {
            return t.join(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A connected SFTP channel over this session; the caller disconnects it. */
    public ChannelSftp openSftp() {
        try {
            ChannelSftp sftp = (ChannelSftp) awaitSession().openChannel("sftp");
            sftp.connect(millis(opts.connectTimeout()));
            return sftp;
        } catch (JSchException e) {
            throw new SshException("Cannot open SFTP on " + cfg.alias() + ": " + e.getMessage() + ".", e);
        }
    }

    /**
     * The remote Docker socket: {@code override} if present; else the remote {@code $DOCKER_HOST}
     * when it is {@code unix://...}; else {@code /var/run/docker.sock}.
     */
    public String remoteDockerSocket(Optional<String> override) {
        if (override.isPresent()) {
            return override.get();
        }
        ExecResult r = exec("printf %s \"$DOCKER_HOST\"", Duration.ofSeconds(10));
        String v = r.stdout().strip();
        return v.startsWith("unix://") ? v.substring("unix://".length()) : "/var/run/docker.sock";
    }

    public String remoteDockerSocket() {
        return remoteDockerSocket(Optional.empty());
    }

    /**
     * A local UNIX socket (in a private 0700 directory) relaying each connection to
     * {@code remoteSocketPath} over a {@code direct-streamlocal@openssh.com} channel. Closed with this connection.
     */
    public Path forwardUnixSocket(String remoteSocketPath) {
        Path dir = RuntimeDirs.createPrivate(opts.runtimeDir(), "ssh-");
        Path sock = dir.resolve("relay.sock");
        try {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(sock));
            Files.setPosixFilePermissions(sock, PosixFilePermissions.fromString("rw-------"));
            startRelay(cfg.alias() + ":" + remoteSocketPath, server, s -> {
                ChannelDirectStreamLocal ch = (ChannelDirectStreamLocal) s.openChannel("direct-streamlocal@openssh.com");
                ch.setSocketPath(remoteSocketPath);
                return ch;
            }, () -> {
                deleteQuietly(sock);
                deleteQuietly(dir);
            });
            LOG.info("Relaying {} to {}:{}", sock, cfg.alias(), remoteSocketPath);
            return sock;
        } catch (IOException e) {
            deleteQuietly(sock);
            deleteQuietly(dir);
            throw new UncheckedIOException("Cannot create the local relay socket " + sock + ": " + e.getMessage(), e);
        }
    }

    /** A 127.0.0.1 ephemeral port relaying each connection to {@code remoteHost:remotePort} (as seen from the server). */
    public int forwardTcp(String remoteHost, int remotePort) {
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            startRelay(cfg.alias() + ":" + remoteHost + ":" + remotePort, server, s -> {
                ChannelDirectTCPIP ch = (ChannelDirectTCPIP) s.openChannel("direct-tcpip");
                ch.setHost(remoteHost);
                ch.setPort(remotePort);
                ch.setOrgIPAddress("127.0.0.1");
                ch.setOrgPort(port);
                return ch;
            }, () -> { });
            LOG.info("Relaying 127.0.0.1:{} to {}:{} via {}", port, remoteHost, remotePort, cfg.alias());
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private void startRelay(String name, ServerSocketChannel server, Relay.ChannelFactory factory, Runnable cleanup) {
        Relay[] self = new Relay[1];
        self[0] = new Relay(name, server, this::awaitSession, factory, millis(opts.connectTimeout()), () -> {
            cleanup.run();
            relays.remove(self[0]);
        });
        relays.add(self[0]);
        self[0].start();
    }

    // ---- session lifecycle -----------------------------------------------------------------

    /** The connected session; waits (bounded) while reconnecting. */
    Session awaitSession() {
        long deadline = System.nanoTime() + opts.reconnectWait().toNanos();
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new SshException("The SSH connection to " + cfg.alias() + " is closed.");
                }
                if (failure != null) {
                    throw new SshException(failure);
                }
                if (current != null && current.connected()) {
                    return current.target();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SshException("The SSH connection to " + cfg.alias() + " is still reconnecting after "
                            + ConnectErrors.seconds(opts.reconnectWait()) + ".");
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException("Interrupted while waiting for the SSH connection to " + cfg.alias() + ".");
        } finally {
            lock.unlock();
        }
    }

    private void monitorLoop() {
        long nextProbe = System.nanoTime() + opts.roundTripInterval().toNanos();
        int misses = 0;
        while (!isClosed()) {
            SessionOpener.Opened o = currentOpened();
            if (o == null || !o.connected()) {
                if (!reconnect("the SSH connection dropped")) {
                    return;
                }
                misses = 0;
                nextProbe = System.nanoTime() + opts.roundTripInterval().toNanos();
                continue;
            }
            if (System.nanoTime() >= nextProbe) {
                try {
                    state.publish(new ConnectionState.Connected(probe(o.target())));
                    misses = 0;
                } catch (JSchException | RuntimeException e) {
                    misses++;
                    LOG.debug("Round-trip probe to {} failed ({} of {}): {}", cfg.alias(), misses, cfg.serverAliveCountMax(), e.toString());
                    if (misses >= Math.max(1, cfg.serverAliveCountMax())) {
                        o.disconnect();
                    }
                }
                nextProbe = System.nanoTime() + opts.roundTripInterval().toNanos();
            }
            awaitChange(TICK);
        }
    }

    /** Reconnects with backoff; false when the connection is closed or gave up (state Failed). */
    private boolean reconnect(String reason) {
        lock.lock();
        try {
            if (current != null) {
                current.disconnect();
                current = null;
            }
        } finally {
            lock.unlock();
        }
        LOG.warn("SSH connection to {} lost ({}); reconnecting", cfg.label(), reason);
        String why = reason;
        for (int attempt = 1; attempt <= opts.maxReconnectAttempts(); attempt++) {
            state.publish(new ConnectionState.Reconnecting(attempt, why));
            if (awaitChange(Backoff.delay(attempt)) && isClosed()) {
                return false;
            }
            if (isClosed()) {
                return false;
            }
            try {
                SessionOpener.Opened o = opener.open();
                lock.lock();
                try {
                    if (closed) {
                        o.disconnect();
                        return false;
                    }
                    current = o;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
                state.publish(new ConnectionState.Connected(probe(o.target())));
                LOG.info("SSH connection to {} restored after {} attempt(s)", cfg.label(), attempt);
                return true;
            } catch (SshException e) {
                if (e.permanent()) {
                    fail(e.getMessage());
                    return false;
                }
                why = e.getMessage();
            } catch (JSchException e) {
                why = e.getMessage();
            }
        }
        fail("Gave up reconnecting to " + cfg.label() + " after " + opts.maxReconnectAttempts() + " attempts: " + why);
        return false;
    }

    /**
     * Round trip = opening a {@code session} channel and waiting for the server's confirmation
     * (one request/reply in the SSH protocol, no process spawned on the server); closed at once.
     */
    private Duration probe(Session s) throws JSchException {
        long t0 = System.nanoTime();
        Channel ch = s.openChannel("session");
        try {
            ch.connect(millis(opts.connectTimeout()));
            return Duration.ofNanos(System.nanoTime() - t0);
        } finally {
            ch.disconnect();
        }
    }

    private void fail(String reason) {
        lock.lock();
        try {
            failure = reason;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.warn("SSH connection to {} failed: {}", cfg.label(), reason);
        state.publish(new ConnectionState.Failed(reason));
    }

    private String failureReason() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    private SessionOpener.Opened currentOpened() {
        lock.lock();
        try {
            return current;
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code d} or until something changes; true if woken early. */
    private boolean awaitChange(Duration d) {
        lock.lock();
        try {
            return closed || changed.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Closes relays, channels and the session; state → Disconnected. Idempotent. */
    @Override
    public void close() {
        SessionOpener.Opened o;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            o = current;
            current = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Relay r : relays) {
            r.close();
        }
        if (o != null) {
            o.disconnect();
        }
        if (monitor != null) {
            try {
                monitor.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state.publish(new ConnectionState.Disconnected());
        LOG.info("SSH connection to {} closed", cfg.label());
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // channel closed: keep what arrived
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", p, e.toString());
        }
    }
}
