package io.turnout.probe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 client connection of the probe, owned by one worker. Purpose-built rather than
 * {@code java.net.http.HttpClient} because the probe must decide exactly when a request leaves and
 * whether it gets a fresh TCP connection; the JDK client pools connections on its own terms.
 * It only ever connects to the target it was given and never follows redirects.
 */
final class ProbeConnection implements Closeable {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final long MAX_BODY = 1 << 20;
    /** Reusing a connection idle this long risks the server's idle close racing our request: reconnect. */
    private static final long STALE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final InetSocketAddress target;
    private final byte[] request;
    private final boolean keepAlive;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private long lastUsed;

    ProbeConnection(ProbeSettings s) {
        this.target = s.target();
        this.keepAlive = s.keepAlive();
        String head = "GET " + s.path() + " HTTP/1.1\r\nHost: " + s.effectiveHost()
                + "\r\nUser-Agent: turnout-switch-probe\r\nAccept: */*\r\n"
                + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        this.request = head.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends one GET and reads the whole response, giving up at {@code deadline} (System.nanoTime). */
    ProbeResponse get(long deadline) throws IOException {
        if (socket == null || System.nanoTime() - lastUsed > STALE_AFTER_NANOS) {
            close();
            open(deadline);
        }
        Socket s = socket;
        try {
            out.write(request);
            out.flush();
            Head head = readHead(s, deadline);
            boolean reusable = readBody(s, head, deadline) && keepAlive && head.keepAlive();
            if (reusable) {
                lastUsed = System.nanoTime();
            } else {
                close();
            }
            return new ProbeResponse(head.status(), head.color(), head.version());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open(long deadline) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(target, remainingMillis(deadline));
            in = new BufferedInputStream(s.getInputStream(), 8192);
            out = s.getOutputStream();
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private record Head(int status, String color, String version, long contentLength, boolean chunked,
                        boolean keepAlive) {
    }

    private Head readHead(Socket s, long deadline) throws IOException {
        for (int informational = 0; informational < 5; informational++) {
            String statusLine = readLine(s, deadline);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP response: " + abbreviate(statusLine));
            }
            int status = parseStatus(parts[1], statusLine);
            boolean http10 = parts[0].equals("HTTP/1.0");
            String color = null;
            String version = null;
            String connection = null;
            long length = -1;
            boolean chunked = false;
            for (int n = 0; ; n++) {
                String line = readLine(s, deadline);
                if (line.isEmpty()) {
                    break;
                }
                if (n >= MAX_HEADERS) {
                    throw new IOException("more than " + MAX_HEADERS + " response headers");
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String value = line.substring(colon + 1).strip();
                switch (line.substring(0, colon).strip().toLowerCase(Locale.ROOT)) {
                    case "x-turnout-color" -> color = value;
                    case "x-turnout-version" -> version = value;
                    case "connection" -> connection = value.toLowerCase(Locale.ROOT);
                    case "content-length" -> length = parseLength(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    default -> { }
                }
            }
            if (status >= 200) {
                boolean persistent = http10 ? "keep-alive".equals(connection) : !"close".equals(connection);
                boolean noBody = status == 204 || status == 304;
                return new Head(status, color, version, noBody ? 0 : length, chunked && !noBody, persistent);
            }
        }
        throw new IOException("too many informational responses");
    }

    /** Reads and discards the body; false when the connection cannot carry another request. */
    private boolean readBody(Socket s, Head head, long deadline) throws IOException {
        if (head.chunked()) {
            long total = 0;
            for (int chunks = 0; chunks < 100_000; chunks++) {
                String sizeLine = readLine(s, deadline);
                int semi = sizeLine.indexOf(';');
                long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
                if (size == 0) {
                    while (!readLine(s, deadline).isEmpty()) {
                        // trailers: none expected, bounded by the deadline and line size
                    }
                    return true;
                }
                total += size;
                if (total > MAX_BODY) {
                    return false;
                }
                skip(s, size, deadline);
                readLine(s, deadline);
            }
            return false;
        }
        if (head.contentLength() >= 0) {
            if (head.contentLength() > MAX_BODY) {
                return false;
            }
            skip(s, head.contentLength(), deadline);
            return true;
        }
        // No length: the body runs to the end of the connection.
        skip(s, MAX_BODY, deadline, true);
        return false;
    }

    private void skip(Socket s, long bytes, long deadline) throws IOException {
        skip(s, bytes, deadline, false);
    }

    private void skip(Socket s, long bytes, long deadline, boolean untilEof) throws IOException {
        byte[] buf = new byte[4096];
        long left = bytes;
        while (left > 0) {
            s.setSoTimeout(remainingMillis(deadline));
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                if (untilEof) {
                    return;
                }
                throw new EOFException("connection closed in the middle of the body");
            }
            left -= n;
        }
    }

    private String readLine(Socket s, long deadline) throws IOException {
        s.setSoTimeout(remainingMillis(deadline));
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (line.size() <= MAX_LINE) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(line.size() == 0 ? "connection closed without a response" : "connection closed mid-line");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new IOException("response line longer than " + MAX_LINE + " bytes");
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException("timed out");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static int parseStatus(String code, String line) throws IOException {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status line: " + abbreviate(line));
        }
    }

    private static long parseLength(String value) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length: " + abbreviate(value));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is best effort; the next request opens a new connection
            }
        }
    }
}
