package io.turnout.ui.migrate;

import io.turnout.migrate.Operation;

/** One row of the classification table: a statement's verdict and the file it is in. */
public record StatementRow(String file, Operation op) {

    public String tables() {
        return String.join(", ", op.tables());
    }

    /** The statement's first line, for the table; the file name is in the detail pane below it. */
    public String firstLine() {
        String s = op.statement().strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }

    public String lock() {
        return op.lockLevel().sqlName();
    }

    /** What the detail pane shows under the table: the statement, why it is risky, and what to run instead. */
    public String explanation() {
        StringBuilder b = new StringBuilder(file).append(", statement ").append(op.index()).append(" (line ").append(op.line())
                .append("): ").append(op.type()).append(" takes ").append(op.lockLevel().sqlName()).append(" on ")
                .append(op.tables().isEmpty() ? "no table" : tables()).append(", rewrite ").append(op.rewrites().json())
                .append(", risk ").append(op.risk()).append(", class ").append(op.migrationClass().json()).append('.');
        op.warnings().forEach(w -> b.append("\n• ").append(w));
        if (op.warnings().isEmpty()) {
            b.append("\nNo warnings: it can run on the live database.");
        }
        return b.toString();
    }

    /** The safe alternative to copy, or "" when the statement is already safe. */
    public String alternative() {
        return op.safeAlternative() == null ? "" : op.safeAlternative().strip();
    }
}
