package io.turnout.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens the JSch session for a host, through its ProxyJump hops if any, with strict host key
 * checking and our identities on every hop. Hop state (verifiers, decrypted identities) is built
 * on the first open and reused by reconnects, so passphrases are asked for once per connection.
 */
final class SessionOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionOpener.class);

    /** The connected sessions: jump hops first, the target last. */
    record Opened(List<Session> sessions) {
        Session target() {
            return sessions.getLast();
        }

        boolean connected() {
            return sessions.stream().allMatch(Session::isConnected);
        }

        void disconnect() {
            for (Session s : sessions.reversed()) {
                s.disconnect();
            }
        }
    }

    private record Hop(SshHostConfig cfg, HostKeyVerifier verifier, Identities identities) {
    }

    private final SshHostConfig target;
    private final SshOptions opts;
    private final Optional<String> agentSocket;
    private List<Hop> hops;

    SessionOpener(SshHostConfig target, SshOptions opts, Optional<String> agentSocket) {
        this.target = target;
        this.opts = opts;
        this.agentSocket = agentSocket;
    }

    synchronized Opened open() {
        if (hops == null) {
            hops = buildHops();
        }
        List<Session> opened = new ArrayList<>();
        try {
            for (Hop hop : hops) {
                opened.add(connect(hop, opened.isEmpty() ? null : opened.getLast()));
            }
            return new Opened(List.copyOf(opened));
        } catch (RuntimeException e) {
            new Opened(opened).disconnect();
            throw e;
        }
    }

    private List<Hop> buildHops() {
        List<SshHostConfig> cfgs = new ArrayList<>();
        for (String spec : target.proxyJump()) {
            cfgs.add(jumpConfig(spec));
        }
        cfgs.add(target);
        return cfgs.stream().map(c -> new Hop(c, new HostKeyVerifier(c, opts.hostKeyPrompt()),
                Identities.load(c, opts.secretPrompt(), agentSocket))).toList();
    }

    /** {@code [user@]host[:port]}, the host resolved as an alias of the same config file. */
    private SshHostConfig jumpConfig(String spec) {
        String user = null;
        String hostPort = spec;
        int at = spec.lastIndexOf('@');
        if (at >= 0) {
            user = spec.substring(0, at);
            hostPort = spec.substring(at + 1);
        }
        Integer port = null;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && hostPort.indexOf(']') < colon) {
            port = Integer.parseInt(hostPort.substring(colon + 1));
            hostPort = hostPort.substring(0, colon);
        }
        SshHostConfig c = opts.configFile().resolve(hostPort.replace("[", "").replace("]", ""));
        if (!c.proxyJump().isEmpty()) {
            LOG.warn("ProxyJump of jump host {} is ignored; list all hops in the target's ProxyJump", c.alias());
        }
        if (user != null) {
            c = c.withUser(user);
        }
        if (port != null) {
            c = c.withPort(port);
        }
        return c;
    }

    private Session connect(Hop hop, Session via) {
        SshHostConfig cfg = hop.cfg();
        Duration timeout = opts.connectTimeoutFor(cfg);
        long t0 = System.nanoTime();
        try {
            JSch jsch = new JSch();
            Session s = jsch.getSession(cfg.user(), cfg.hostName(), cfg.port());
            s.setHostKeyRepository(hop.verifier());
            s.setIdentityRepository(hop.identities());
            s.setConfig("StrictHostKeyChecking", "yes");
            s.setConfig("PreferredAuthentications", "publickey");
            s.setServerAliveInterval((int) opts.keepAliveFor(cfg).toMillis());
            s.setServerAliveCountMax(cfg.serverAliveCountMax());
            if (via != null) {
                s.setProxy(new JumpProxy(via));
            }
            s.connect((int) timeout.toMillis());
            LOG.info("SSH connected to {}{} in {} ms", cfg.label(), via != null ? " (via jump host)" : "",
                    (System.nanoTime() - t0) / 1_000_000);
            return s;
        } catch (JSchException e) {
            SshException mapped = ConnectErrors.map(e, cfg, hop.verifier(), hop.identities(), timeout);
            LOG.debug("SSH connect to {} failed", cfg.label(), e);
            throw mapped;
        }
    }
}
