package io.turnout.cli;

import io.turnout.migrate.Operation;
import io.turnout.migrate.verify.FileVerification;
import io.turnout.migrate.verify.StatementCheck;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Text and JSON renderings of shadow verification results for `migrate verify`. */
final class VerifyReport {

    private VerifyReport() {
    }

    static void text(PrintWriter out, List<FileVerification> results) {
        for (FileVerification f : results) {
            out.println(f.file() + ": " + (f.failed() ? "FAILED" : f.agrees() ? "verified, agrees with the classifier" : "DISAGREES with the classifier"));
            TextTable t = new TextTable("#", "LINE", "TYPE", "RISK", "CLASSIFIED", "OBSERVED", "REWRITE", "TIME", "RESULT");
            for (StatementCheck c : f.checks()) {
                Operation e = c.expected();
                t.add(c.index(), c.line(), e == null ? "-" : e.type(), e == null ? "-" : e.risk(),
                        e == null ? "-" : e.lockLevel().sqlName() + " / rewrite " + e.rewrites().json(),
                        c.failed() ? "-" : observed(c), c.failed() ? "-" : c.rewriteObserved() ? "yes" : "no",
                        c.duration().toMillis() + " ms" + (c.outsideTransaction() ? " (no txn)" : ""),
                        c.failed() ? "error" : c.disagreements().isEmpty() ? "agrees" : "DISAGREES");
            }
            t.print(out);
            for (StatementCheck c : f.checks()) {
                if (c.failed()) {
                    out.println("  #" + c.index() + " failed: " + c.error());
                }
                c.disagreements().forEach(d -> out.println("  #" + c.index() + " " + d));
                c.notes().forEach(n -> out.println("  #" + c.index() + " note: " + n));
                if (c.expected() != null) {
                    c.expected().warnings().stream().filter(w -> w.startsWith("Size:"))
                            .forEach(w -> out.println("  #" + c.index() + " " + w));
                }
            }
            f.notes().forEach(n -> out.println("  note: " + n));
            out.println();
        }
        out.flush();
    }

    private static String observed(StatementCheck c) {
        if (c.outsideTransaction() && !c.lockCaptured()) {
            return "(not captured)";
        }
        return c.observedLocks().isEmpty() ? "none" : c.observedLock().sqlName();
    }

    static List<Map<String, Object>> json(List<FileVerification> results) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileVerification f : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("verified", !f.failed());
            m.put("agrees", f.agrees());
            List<Map<String, Object>> statements = new ArrayList<>();
            for (StatementCheck c : f.checks()) {
                statements.add(statement(c));
            }
            m.put("statements", statements);
            m.put("notes", f.notes());
            files.add(m);
        }
        return files;
    }

    private static Map<String, Object> statement(StatementCheck c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("index", c.index());
        s.put("line", c.line());
        s.put("statement", c.statement());
        Operation e = c.expected();
        if (e != null) {
            Map<String, Object> cl = new LinkedHashMap<>();
            cl.put("type", e.type());
            cl.put("lockLevel", e.lockLevel().sqlName());
            cl.put("rewrites", e.rewrites().json());
            cl.put("riskLevel", e.risk().name());
            cl.put("class", e.migrationClass().json());
            cl.put("warnings", e.warnings());
            s.put("classified", cl);
        }
        Map<String, Object> ob = new LinkedHashMap<>();
        Map<String, String> locks = new TreeMap<>();
        c.observedLocks().forEach((t, l) -> locks.put(t, l.sqlName()));
        ob.put("locks", locks);
        ob.put("lockLevel", c.lockCaptured() ? c.observedLock().sqlName() : null);
        ob.put("rewrites", c.rewriteObserved());
        ob.put("rewrittenTables", c.rewrittenTables());
        ob.put("durationMs", c.duration().toMillis());
        ob.put("outsideTransaction", c.outsideTransaction());
        s.put("observed", ob);
        s.put("error", c.error());
        s.put("disagreements", c.disagreements());
        s.put("notes", c.notes());
        return s;
    }
}
