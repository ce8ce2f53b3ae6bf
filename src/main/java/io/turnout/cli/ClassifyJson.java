package io.turnout.cli;

import io.turnout.migrate.FileClassification;
import io.turnout.migrate.MigrationSources;
import io.turnout.migrate.Operation;
import io.turnout.migrate.SqlError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shape of {@code migrate classify --format json} (issue 4): one object per file, fields in a stable order. */
final class ClassifyJson {

    private ClassifyJson() {
    }

    static List<Map<String, Object>> files(List<FileClassification> results, List<MigrationSources.Entry> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            out.add(file(results.get(i), entries.get(i).kind()));
        }
        return out;
    }

    private static Map<String, Object> file(FileClassification f, MigrationSources.Kind kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.file());
        m.put("kind", kind.name().toLowerCase(Locale.ROOT));
        m.put("isValid", f.valid());
        m.put("riskLevel", f.risk().name());
        m.put("class", f.migrationClass().json());
        List<Map<String, Object>> ops = new ArrayList<>();
        for (Operation op : f.operations()) {
            ops.add(operation(op));
        }
        m.put("operations", ops);
        m.put("warnings", f.warnings());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (SqlError e : f.errors()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("line", e.line());
            em.put("message", e.message());
            errors.add(em);
        }
        m.put("errors", errors);
        return m;
    }

    private static Map<String, Object> operation(Operation op) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", op.index());
        m.put("line", op.line());
        m.put("type", op.type());
        m.put("statement", op.statement());
        m.put("tables", op.tables());
        m.put("lockLevel", op.lockLevel().sqlName());
        m.put("rewrites", op.rewrites().json());
        m.put("riskLevel", op.risk().name());
        m.put("class", op.migrationClass().json());
        m.put("warnings", op.warnings());
        m.put("safeAlternative", op.safeAlternative());
        m.put("rules", op.rules());
        return m;
    }
}
