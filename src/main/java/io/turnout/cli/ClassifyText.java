package io.turnout.cli;

import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.MigrationSources;
import io.turnout.migrate.Operation;
import io.turnout.migrate.SqlError;

import java.io.PrintWriter;
import java.util.List;

/** The colour-free text report: a table per file, then each statement's warnings and safe alternative. */
final class ClassifyText {

    private static final int STATEMENT_WIDTH = 48;

    private ClassifyText() {
    }

    static void print(PrintWriter out, List<FileClassification> results, List<MigrationSources.Entry> entries, ClassifyOptions options) {
        out.println("Verdicts for " + (options.pgVersion().isPresent() ? "PostgreSQL " + options.pgVersion().getAsInt()
                : options.dialect() == io.turnout.migrate.Dialect.MYSQL ? "MySQL" : "an unknown PostgreSQL version (use --pg-version or --db)") + ".");
        for (int i = 0; i < results.size(); i++) {
            FileClassification f = results.get(i);
            out.println();
            String kind = entries.get(i).kind() == MigrationSources.Kind.UNDO ? " (undo)" : "";
            out.println(f.file() + kind + ": " + f.risk() + ", " + f.migrationClass().json() + (f.valid() ? "" : ", INVALID"));
            if (!f.operations().isEmpty()) {
                TextTable t = new TextTable("#", "LINE", "TYPE", "TABLES", "LOCK", "REWRITE", "RISK", "CLASS", "STATEMENT");
                for (Operation op : f.operations()) {
                    t.add(op.index(), op.line(), op.type(), op.tables().isEmpty() ? null : String.join(",", op.tables()),
                            op.lockLevel().sqlName(), op.rewrites().json(), op.risk(), op.migrationClass().json(), shorten(op.statement()));
                }
                t.print(out);
            }
            for (Operation op : f.operations()) {
                if (op.warnings().isEmpty() && op.safeAlternative() == null) {
                    continue;
                }
                out.println("  #" + op.index() + " line " + op.line() + (op.rules().isEmpty() ? "" : " [" + String.join(", ", op.rules()) + "]"));
                op.warnings().forEach(w -> out.println("    - " + w));
                if (op.safeAlternative() != null) {
                    out.println("    safe alternative: " + op.safeAlternative());
                }
            }
            f.warnings().forEach(w -> out.println("  warning: " + w));
            for (SqlError e : f.errors()) {
                out.println("  error at line " + e.line() + ": " + e.message());
            }
        }
        out.flush();
    }

    private static String shorten(String sql) {
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() <= STATEMENT_WIDTH ? one : one.substring(0, STATEMENT_WIDTH - 3) + "...";
    }
}
