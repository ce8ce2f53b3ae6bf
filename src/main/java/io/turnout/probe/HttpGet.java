package io.turnout.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 GET on a fresh connection ({@code Connection: close}), for health gates, post-switch
 * checks and router admin ports. Deliberately not pooled: after a switch or an nginx reload a pooled
 * connection may still reach the old color or an old worker. The fixed-rate probe has its own client.
 */
public final class HttpGet {

    private static final int MAX_BYTES = 1 << 20;

    /** @param headers lower-case names */
    public record Response(int status, Map<String, String> headers, String body, long millis) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private HttpGet() {
    }

    /** @throws IOException when there is no HTTP answer (refused, reset, timeout, not HTTP) */
    public static Response once(InetSocketAddress to, String path, String host, Duration timeout) throws IOException {
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
            int millis = (int) timeout.toMillis();
            s.connect(to, millis);
            s.setSoTimeout(millis);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + (host == null ? "localhost" : host)
                    + "\r\nConnection: close\r\nUser-Agent: turnout\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
            int headEnd = all.indexOf("\r\n\r\n");
            if (!all.startsWith("HTTP/") || headEnd < 0) {
                throw new IOException(all.isEmpty() ? "connection closed without a response" : "not an HTTP response");
            }
            String[] lines = all.substring(0, headEnd).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            try {
                return new Response(Integer.parseInt(statusLine[1]), headers, all.substring(headEnd + 4),
                        (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                throw new IOException("malformed status line: " + lines[0], e);
            }
        }
    }
}
