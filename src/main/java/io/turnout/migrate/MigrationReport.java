package io.turnout.migrate;

import java.util.List;
import java.util.Locale;

/**
 * The classification (and, when it ran, the shadow check) as a document an operator can attach to a
 * change request: Markdown for a pull request, self-contained HTML for a browser. Pure: strings in,
 * a string out; the front ends write it where the operator chose.
 */
public final class MigrationReport {

    /**
     * One statement as the shadow check saw it.
     *
     * @param expected the static verdict, e.g. {@code ACCESS EXCLUSIVE, rewrite: yes}
     * @param observed what the server did, in the same words
     */
    public record ShadowLine(String file, int index, int line, String expected, String observed, boolean agrees) {
    }

    private final List<FileClassification> files;
    private final List<ShadowLine> shadow;
    private final String shadowTarget;

    /**
     * @param shadow       empty when no shadow check ran
     * @param shadowTarget the masked database the shadow check ran against, or null
     */
    public MigrationReport(List<FileClassification> files, List<ShadowLine> shadow, String shadowTarget) {
        this.files = List.copyOf(files);
        this.shadow = List.copyOf(shadow);
        this.shadowTarget = shadowTarget;
    }

    public MigrationReport(List<FileClassification> files) {
        this(files, List.of(), null);
    }

    /** The worst verdict over all files; LOW/SAFE for none. */
    public Risk risk() {
        return files.stream().map(FileClassification::risk).reduce(Risk.LOW, Risk::max);
    }

    public MigrationClass migrationClass() {
        return files.stream().map(FileClassification::migrationClass).reduce(MigrationClass.SAFE, MigrationClass::max);
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# Migration report\n\n");
        b.append("Verdict: **").append(risk()).append("** risk, class **").append(migrationClass().json()).append("** (")
                .append(files.size()).append(files.size() == 1 ? " file" : " files").append(").\n");
        for (FileClassification f : files) {
            b.append("\n## ").append(f.file()).append("\n\n");
            b.append(verdict(f)).append("\n\n");
            f.errors().forEach(e -> b.append("- Error at line ").append(e.line()).append(": ").append(e.message()).append('\n'));
            f.warnings().forEach(w -> b.append("- ").append(w).append('\n'));
            if (!f.operations().isEmpty()) {
                b.append("| # | Line | Type | Tables | Lock | Rewrite | Risk | Class |\n|---|---|---|---|---|---|---|---|\n");
                for (Operation o : f.operations()) {
                    b.append("| ").append(o.index()).append(" | ").append(o.line()).append(" | ").append(cell(o.type()))
                            .append(" | ").append(cell(String.join(", ", o.tables()))).append(" | ").append(o.lockLevel().sqlName())
                            .append(" | ").append(o.rewrites().json()).append(" | ").append(o.risk()).append(" | ")
                            .append(o.migrationClass().json()).append(" |\n");
                }
            }
            for (Operation o : f.operations()) {
                if (o.warnings().isEmpty() && o.safeAlternative() == null) {
                    continue;
                }
                b.append("\n### Statement ").append(o.index()).append(" (line ").append(o.line()).append(", ")
                        .append(o.risk()).append(")\n\n```sql\n").append(o.statement().strip()).append("\n```\n\n");
                o.warnings().forEach(w -> b.append("- ").append(w).append('\n'));
                if (o.safeAlternative() != null) {
                    b.append("\nSafe alternative:\n\n```sql\n").append(o.safeAlternative().strip()).append("\n```\n");
                }
            }
        }
        if (!shadow.isEmpty()) {
            b.append("\n## Shadow check against ").append(shadowTarget).append("\n\n").append(shadowSentence()).append("\n\n");
            b.append("| File | # | Line | Expected | Observed | Agrees |\n|---|---|---|---|---|---|\n");
            for (ShadowLine s : shadow) {
                b.append("| ").append(cell(s.file())).append(" | ").append(s.index()).append(" | ").append(s.line()).append(" | ")
                        .append(cell(s.expected())).append(" | ").append(cell(s.observed())).append(" | ")
                        .append(s.agrees() ? "yes" : "**no**").append(" |\n");
            }
        }
        return b.toString();
    }

    public String html() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Migration report</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
                .append("padding:4px 8px;text-align:left}pre{background:#f6f8fa;padding:8px}.LOW{color:#1a7f37}")
                .append(".MEDIUM{color:#9a6700}.HIGH{color:#cf222e;font-weight:bold}.no{color:#cf222e}</style></head><body>\n")
                .append("<h1>Migration report</h1>\n<p>Verdict: <span class=\"").append(risk()).append("\">").append(risk())
                .append("</span> risk, class <b>").append(migrationClass().json()).append("</b>.</p>\n");
        for (FileClassification f : files) {
            b.append("<h2>").append(esc(f.file())).append("</h2>\n<p>").append(esc(verdict(f).replace("**", ""))).append("</p>\n<ul>");
            f.errors().forEach(e -> b.append("<li>Error at line ").append(e.line()).append(": ").append(esc(e.message())).append("</li>"));
            f.warnings().forEach(w -> b.append("<li>").append(esc(w)).append("</li>"));
            b.append("</ul>\n<table><tr><th>#</th><th>Line</th><th>Type</th><th>Tables</th><th>Lock</th><th>Rewrite</th><th>Risk</th>")
                    .append("<th>Class</th><th>Warnings</th><th>Safe alternative</th></tr>\n");
            for (Operation o : f.operations()) {
                b.append("<tr><td>").append(o.index()).append("</td><td>").append(o.line()).append("</td><td>").append(esc(o.type()))
                        .append("</td><td>").append(esc(String.join(", ", o.tables()))).append("</td><td>").append(o.lockLevel().sqlName())
                        .append("</td><td>").append(o.rewrites().json()).append("</td><td class=\"").append(o.risk()).append("\">")
                        .append(o.risk()).append("</td><td>").append(o.migrationClass().json()).append("</td><td>")
                        .append(esc(String.join(" ", o.warnings()))).append("</td><td>")
                        .append(o.safeAlternative() == null ? "" : "<pre>" + esc(o.safeAlternative().strip()) + "</pre>")
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!shadow.isEmpty()) {
            b.append("<h2>Shadow check against ").append(esc(shadowTarget)).append("</h2>\n<p>").append(esc(shadowSentence()))
                    .append("</p>\n<table><tr><th>File</th><th>#</th><th>Line</th><th>Expected</th><th>Observed</th><th>Agrees</th></tr>\n");
            for (ShadowLine s : shadow) {
                b.append("<tr><td>").append(esc(s.file())).append("</td><td>").append(s.index()).append("</td><td>").append(s.line())
                        .append("</td><td>").append(esc(s.expected())).append("</td><td>").append(esc(s.observed()))
                        .append("</td><td").append(s.agrees() ? ">yes" : " class=\"no\">no").append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String verdict(FileClassification f) {
        return (f.valid() ? "" : "Not valid SQL. ") + "Verdict: **" + f.risk() + "** risk, class **" + f.migrationClass().json()
                + "**, " + f.operations().size() + (f.operations().size() == 1 ? " statement." : " statements.");
    }

    private String shadowSentence() {
        long disagree = shadow.stream().filter(s -> !s.agrees()).count();
        return disagree == 0 ? "The server agreed with every static verdict (" + shadow.size() + " statements)."
                : disagree + " of " + shadow.size() + " statements behaved differently from their static verdict.";
    }

    /** A Markdown table cell: pipes escaped, one line. */
    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code md} or {@code html} from a file name the operator chose; Markdown unless it ends in .htm(l). */
    public String render(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm") ? html() : markdown();
    }
}
