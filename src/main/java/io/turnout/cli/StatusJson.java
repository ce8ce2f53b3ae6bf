package io.turnout.cli;

import io.turnout.release.InterruptedRun;
import io.turnout.release.StackStatus;
import io.turnout.stack.HistoryEntry;
import io.turnout.stack.LockInfo;

import java.util.List;

/** The JSON shape of {@code turnout upgrade status --json}; field names are part of the CLI contract. */
record StatusJson(String stack, String router, boolean routerHealthy, boolean maintenance,
                  List<StackStatus.ServiceStatus> services, LockInfo lock, String interrupted, List<HistoryEntry> recent) {

    static StatusJson of(StackStatus s) {
        return new StatusJson(s.stack(), s.routerKind(), s.routerHealthy(), s.maintenance(), s.services(), s.lock().orElse(null),
                s.interrupted().map(InterruptedRun::sentence).orElse(null), s.recent());
    }
}
