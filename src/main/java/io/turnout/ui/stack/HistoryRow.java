package io.turnout.ui.stack;

import io.turnout.stack.HistoryEntry;

import java.time.ZoneId;

/** One row of the history table, as text. Immutable. */
public record HistoryRow(String key, String when, String kind, String service, String change, String who, String result,
                         String proof, String detail) {

    public static HistoryRow of(HistoryEntry h, ZoneId zone) {
        return new HistoryRow(h.at() + "/" + h.releaseId() + "/" + h.kind(), ReleaseText.when(h.at(), zone), h.kind(),
                h.service() == null ? "—" : h.service(), change(h), h.who() == null ? "" : h.who(),
                h.result() == null ? "" : h.result(), ReleaseText.proof(h.probe()), h.detail() == null ? "" : h.detail());
    }

    /** "blue (v1) → green (v2)", or one side of it. */
    static String change(HistoryEntry h) {
        String from = side(h.fromColor() == null ? null : h.fromColor().id(), h.fromImage());
        String to = side(h.toColor() == null ? null : h.toColor().id(), h.toImage());
        if (from.isEmpty() && to.isEmpty()) {
            return "";
        }
        return from.isEmpty() ? to : to.isEmpty() ? from : from + " → " + to;
    }

    private static String side(String color, String image) {
        if (color == null && image == null) {
            return "";
        }
        if (color == null) {
            return ReleaseText.version(image);
        }
        return image == null ? color : color + " (" + ReleaseText.version(image) + ")";
    }
}
