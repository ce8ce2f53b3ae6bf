package io.turnout.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP/1.1 GET on a fresh connection: what a health gate and a post-switch verification need
 * (status and the {@code X-Turnout-Color} header of the router), nothing more.
 */
record HttpCheck(int status, String color, String version, String error) {

    boolean ok() {
        return error == null && status >= 200 && status < 300;
    }

    String describe() {
        return error != null ? error : status + (color == null ? "" : " from " + color);
    }

    static HttpCheck get(InetSocketAddress address, String path, String hostHeader, Duration timeout) {
        try (Socket s = new Socket()) {
            s.connect(address, (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            String host = hostHeader == null ? "localhost" : hostHeader;
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\nUser-Agent: turnout-gate\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(s.getInputStream());
            if (head.isEmpty()) {
                return new HttpCheck(0, null, null, "connection closed without a response");
            }
            String[] lines = head.split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            int status = Integer.parseInt(statusLine[1]);
            return new HttpCheck(status, header(lines, "x-turnout-color"), header(lines, "x-turnout-version"), null);
        } catch (IOException | RuntimeException e) {
            return new HttpCheck(0, null, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static String header(String[] lines, String name) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase(name)) {
                return lines[i].substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                break;
            }
            if (sb.length() > 16_384) {
                break;
            }
        }
        return sb.toString();
    }
}
