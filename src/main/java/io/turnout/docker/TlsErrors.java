package io.turnout.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import io.turnout.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns TLS failures of a {@code tcp://…?tls=true} engine into one sentence for the operator.
 * <p>
 * What the HTTP client reports is often not what happened: a server that rejects our client
 * certificate sends its alert and closes while we are still writing the rest of our handshake
 * (TLS 1.2: ChangeCipherSpec and Finished; TLS 1.3: the request after it), so the client sees
 * "Broken pipe" or "Connection reset" instead of the alert, depending on timing. So when a
 * request on a TLS target fails with an I/O error, a fresh handshake with the same client
 * material is made over a socket that ignores write failures, so that the server's alert is
 * read rather than lost, and the sentence is built from what that handshake observed. When the
 * probe sees nothing TLS-specific, the original error is passed on unchanged.
 */
final class TlsErrors {

    private static final Logger LOG = LoggerFactory.getLogger(TlsErrors.class);

    /** Alerts a server sends when it does not accept the client certificate it was given (or got none). */
    private static final Set<String> CLIENT_CERT_ALERTS = Set.of("bad_certificate", "unknown_ca", "certificate_required",
            "unsupported_certificate", "certificate_expired", "certificate_revoked", "certificate_unknown", "access_denied");

    private final String host;
    private final int port;
    private final Path certDir;
    private final SSLContext context;
    private final Duration timeout;

    TlsErrors(String host, int port, Path certDir, SSLContext context, Duration timeout) {
        this.host = host;
        this.port = port;
        this.certDir = certDir;
        this.context = context;
        this.timeout = timeout;
    }

    /** {@code http} with its failures mapped by this. */
    DockerHttpClient wrap(DockerHttpClient http) {
        return new DockerHttpClient() {
            @Override
            public Response execute(Request request) {
                try {
                    return http.execute(request);
                } catch (RuntimeException e) {
                    throw map(e);
                }
            }

            @Override
            public void close() throws IOException {
                http.close();
            }
        };
    }

    /** A {@link TargetException} with the sentence when the failure is a TLS one, else {@code e} itself. */
    RuntimeException map(RuntimeException e) {
        if (e instanceof TargetException || !worthProbing(e)) {
            return e;
        }
        return diagnose().<RuntimeException>map(sentence -> new TargetException(sentence, e)).orElse(e);
    }

    private static boolean worthProbing(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException || c instanceof NoRouteToHostException || c instanceof UnknownHostException) {
                return false; // nothing TLS about these; the plain message says it
            }
            if (c instanceof SSLException || c instanceof SocketException || c instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    /** One handshake with our client material: the sentence for what went wrong, or empty if TLS is fine. */
    Optional<String> diagnose() {
        String where = host + ":" + port;
        int ms = (int) Math.max(1, timeout.toMillis());
        try (Socket raw = new WriteFailureIgnoringSocket()) {
            raw.connect(new InetSocketAddress(host, port), ms);
            try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, false)) {
                s.setSoTimeout(ms);
                s.startHandshake(); // TLS 1.2: a rejected client certificate fails here
                // TLS 1.3: the server's verdict on our certificate follows the handshake; a server that
                // accepted it sends nothing (or only session tickets) until we send a request
                int b = s.getInputStream().read();
                LOG.debug("TLS probe of {}: handshake done, read returned {}", where, b);
                return Optional.empty();
            }
        } catch (SocketTimeoutException e) {
            return Optional.empty(); // handshake done, the server waits for a request: TLS is not the problem
        } catch (SSLException e) {
            LOG.debug("TLS probe of {} failed", where, e);
            return Optional.of(sentence(where, e));
        } catch (IOException e) {
            LOG.debug("TLS probe of {} failed without a TLS error", where, e);
            return Optional.empty();
        }
    }

    /**
     * A plain socket whose writes stop (silently) at the first failure: once the server has
     * closed on us, the rest of our handshake cannot reach it anyway, and what it sent before
     * closing (its alert) is still read.
     */
    private static final class WriteFailureIgnoringSocket extends Socket {
        private volatile boolean writeFailed;

        @Override
        public OutputStream getOutputStream() throws IOException {
            OutputStream out = super.getOutputStream();
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    if (!writeFailed) {
                        try {
                            out.write(b, off, len);
                        } catch (IOException e) {
                            writeFailed = true;
                        }
                    }
                }

                @Override
                public void flush() {
                    if (!writeFailed) {
                        try {
                            out.flush();
                        } catch (IOException e) {
                            writeFailed = true;
                        }
                    }
                }
            };
        }
    }

    private String sentence(String where, SSLException e) {
        String prefix = "TLS handshake with " + where + " failed: ";
        Optional<String> alert = receivedAlert(e);
        if (alert.isPresent() && CLIENT_CERT_ALERTS.contains(alert.get())) {
            return prefix + "the server rejected our client certificate (" + certDir.resolve("cert.pem") + ").";
        }
        if (hasCause(e, CertificateException.class) || hasCause(e, GeneralSecurityException.class)) {
            return prefix + "the server's certificate is not signed by our CA (" + certDir.resolve("ca.pem") + ").";
        }
        if (alert.isPresent()) {
            return prefix + "the server ended it with the alert '" + alert.get() + "'.";
        }
        return prefix + e.getMessage() + ".";
    }

    /** Java reports an alert from the peer as "[(NAME) ]Received fatal alert: NAME". */
    private static Optional<String> receivedAlert(Throwable e) {
        String marker = "Received fatal alert: ";
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            int at = m == null ? -1 : m.indexOf(marker);
            if (at >= 0) {
                String name = m.substring(at + marker.length()).strip().split("\\s+")[0];
                return Optional.of(name.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
