package io.turnout.ssh;

/** What a remote command printed and how it ended. */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }
}
