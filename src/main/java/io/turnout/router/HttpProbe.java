package io.turnout.router;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.0 GET on a fresh connection to a router's admin port. Deliberately not pooled: after
 * an nginx reload a pooled connection may still reach an old worker and its old generation.
 */
final class HttpProbe {

    record Answer(int status, String body, long millis) {
    }

    private HttpProbe() {
    }

    static Answer get(InetSocketAddress to, String path, int timeoutMillis) {
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(to, timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            s.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: turnout-admin\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String all = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            int sp = all.indexOf(' ');
            int headEnd = all.indexOf("\r\n\r\n");
            if (!all.startsWith("HTTP/") || sp < 0 || headEnd < 0) {
                throw new RouterException("Not an HTTP answer from " + to + path);
            }
            int status = Integer.parseInt(all.substring(sp + 1, sp + 4));
            return new Answer(status, all.substring(headEnd + 4), (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException | NumberFormatException e) {
            throw new RouterException("No answer from " + to + path + ": " + e.getMessage(), e);
        }
    }
}
