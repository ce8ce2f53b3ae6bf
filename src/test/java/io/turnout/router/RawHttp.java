package io.turnout.router;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bare HTTP/1.1 client connection that never retries: a request that meets a closed or reset
 * connection is reported as an error. java.net.http.HttpClient silently retries idempotent
 * requests once, which would hide exactly the failures the router tests count.
 */
final class RawHttp implements AutoCloseable {

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;

    RawHttp(InetSocketAddress to) throws IOException {
        socket = new Socket();
        socket.connect(to, 2_000);
        socket.setSoTimeout(5_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** One request on a fresh connection that is closed afterwards. */
    static Response once(InetSocketAddress to, String path, String host) throws IOException {
        try (RawHttp c = new RawHttp(to)) {
            return c.get(path, host, true);
        }
    }

    Response get(String path, String host, boolean close) throws IOException {
        String req = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: turnout-test\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n";
        socket.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String status = line();
        if (status == null) {
            throw new EOFException("connection closed before a response");
        }
        String[] parts = status.split(" ", 3);
        Map<String, String> headers = new TreeMap<>();
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        String length = headers.get("content-length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        return new Response(Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
