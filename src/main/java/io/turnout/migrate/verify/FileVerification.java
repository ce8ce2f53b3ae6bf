package io.turnout.migrate.verify;

import java.util.List;

/** The shadow verification of one migration file, statement by statement. */
public record FileVerification(String file, List<StatementCheck> checks, List<String> notes) {

    public FileVerification {
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }

    public boolean failed() {
        return checks.stream().anyMatch(StatementCheck::failed);
    }

    public boolean agrees() {
        return checks.stream().allMatch(c -> c.disagreements().isEmpty());
    }
}
