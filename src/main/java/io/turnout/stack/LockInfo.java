package io.turnout.stack;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a stack (the file {@code lock} on its host): one release at a time per stack.
 *
 * @param holder {@code user@workstation}
 * @param workstation host name of the machine the holder runs Turnout on
 * @param pid the holder's process id on that machine (to spot its own stale locks)
 * @param reason e.g. {@code upgrade web to turnout-fixture/app:v2}
 * @param releaseId the plan run it belongs to (its journal file)
 */
public record LockInfo(String holder, String workstation, long pid, String reason, Instant since, String releaseId) {
    public LockInfo {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }

    public String sentence() {
        return holder + " (" + workstation + ", pid " + pid + ") since " + since + ": " + reason;
    }
}
