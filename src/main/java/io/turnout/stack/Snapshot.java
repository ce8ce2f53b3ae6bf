package io.turnout.stack;

/** Enough to recreate a color exactly: its release and the service spec it ran with. */
public record Snapshot(Release release, StackSpec.ServiceSpec spec) {
}
