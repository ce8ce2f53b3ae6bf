package io.turnout.stack;

import io.turnout.probe.ProbeReport;

import java.time.Instant;

/**
 * One line of a stack's history (history.jsonl, append-only): every apply, deploy, switch,
 * rollback, cleanup, maintenance change and forced lock release.
 *
 * @param kind what happened, e.g. {@code deploy}, {@code switch}, {@code rollback}
 * @param service the service it concerned, or null for stack-wide events
 * @param result {@code succeeded}, {@code failed}, {@code aborted}, {@code stopped}
 * @param detail one sentence for the operator (the failure reason when it failed)
 * @param probe the switch probe's proof, when traffic moved
 */
public record HistoryEntry(Instant at, String kind, String service, String releaseId, Color fromColor, Color toColor,
                           String fromImage, String toImage, String who, String result, String detail,
                           ProbeReport probe) {
}
