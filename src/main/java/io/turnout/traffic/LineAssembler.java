package io.turnout.traffic;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns Docker log frames (chunks that may end mid-line or hold several lines) into whole lines.
 * Not thread-safe: one per stream.
 */
final class LineAssembler {

    private final Consumer<String> lines;
    private final StringBuilder partial = new StringBuilder();

    LineAssembler(Consumer<String> lines) {
        this.lines = lines;
    }

    void accept(byte[] chunk) {
        String text = new String(chunk, StandardCharsets.UTF_8);
        int from = 0;
        int nl;
        while ((nl = text.indexOf('\n', from)) >= 0) {
            if (partial.isEmpty()) {
                lines.accept(text.substring(from, nl));
            } else {
                partial.append(text, from, nl);
                lines.accept(partial.toString());
                partial.setLength(0);
            }
            from = nl + 1;
        }
        if (from < text.length()) {
            partial.append(text, from, text.length());
        }
    }
}
