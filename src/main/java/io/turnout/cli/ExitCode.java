package io.turnout.cli;

/** The CLI's exit codes; scripts depend on them, so they never change meaning. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** A check reached the threshold the caller set (e.g. {@code migrate classify --fail-on HIGH}). */
    public static final int THRESHOLD = 3;

    private ExitCode() {
    }
}
