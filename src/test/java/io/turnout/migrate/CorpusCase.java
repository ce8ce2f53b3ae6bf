package io.turnout.migrate;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** One case of {@code src/test/resources/migrate/corpus/*.yaml} (format in the corpus README). */
record CorpusCase(String file, String id, Dialect dialect, OptionalInt pgVersion, String setup, String sql,
                  Integer statement, Map<String, Object> expect, String fileWarning, String noFileWarning,
                  boolean shadow, String fact) {

    @Override
    public String toString() {
        return file + ":" + id;
    }

    static List<CorpusCase> all() {
        try {
            Path dir = Path.of(CorpusCase.class.getResource("/migrate/corpus").toURI());
            List<CorpusCase> cases = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    cases.addAll(read(f));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<CorpusCase> read(Path f) throws IOException {
        List<CorpusCase> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(f)) {
            List<Map<String, Object>> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            for (Map<String, Object> m : raw) {
                Object v = m.get("pgVersion");
                out.add(new CorpusCase(f.getFileName().toString(), (String) m.get("id"),
                        "mysql".equals(m.get("dialect")) ? Dialect.MYSQL : Dialect.POSTGRESQL,
                        v == null ? OptionalInt.empty() : OptionalInt.of((Integer) v),
                        (String) m.getOrDefault("setup", ""), (String) m.get("sql"), (Integer) m.get("statement"),
                        (Map<String, Object>) m.get("expect"), (String) m.get("fileWarning"),
                        (String) m.get("noFileWarning"), Boolean.TRUE.equals(m.get("shadow")), (String) m.get("fact")));
            }
        }
        return out;
    }
}
