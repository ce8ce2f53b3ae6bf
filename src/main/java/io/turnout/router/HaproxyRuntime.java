package io.turnout.router;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * HAProxy's runtime API over TCP, one connection per call: HAProxy runs the line's
 * {@code ;}-separated commands in order and closes the connection (non-interactive mode). A
 * successful {@code set} or {@code add}/{@code clear acl} prints nothing but a newline, so any
 * other text is an error message.
 */
final class HaproxyRuntime {

    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final int MAX_OUTPUT = 4 << 20;

    private final Supplier<InetSocketAddress> address;

    /** @param address looked up per call: the published port changes when the router container restarts */
    HaproxyRuntime(Supplier<InetSocketAddress> address) {
        this.address = address;
    }

    /** Sends {@code line} and returns everything HAProxy answers. */
    String query(String line) {
        InetSocketAddress to = address.get();
        try (Socket s = new Socket()) {
            s.connect(to, CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] all = in.readNBytes(MAX_OUTPUT);
            return new String(all, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RouterException("HAProxy runtime API at " + to + " did not answer: " + e.getMessage(), e);
        }
    }

    /** Runs {@code commands} as one line; throws with HAProxy's message if any of them printed one. */
    void run(List<String> commands) {
        String line = String.join("; ", commands);
        String answer = query(line);
        if (!answer.isBlank()) {
            throw new RouterException("HAProxy runtime API refused a command: " + answer.strip().replace('\n', ' ')
                    + " (sent: " + line + ")");
        }
    }
}
