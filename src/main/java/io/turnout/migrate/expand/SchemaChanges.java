package io.turnout.migrate.expand;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the single-action ALTER TABLE statements the planner rewrites. Statements with
 * several actions or anything else are left alone (the planner says so rather than guess).
 */
public final class SchemaChanges {

    private static final String IDENT = "(\"[^\"]+\"|[\\w$]+)";
    private static final String TABLE = "(?:ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?((?:" + IDENT + "\\.)?" + IDENT + ")\\s+)";
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    private static final Pattern RENAME = Pattern.compile("^" + TABLE + "RENAME\\s+(?:COLUMN\\s+)?" + IDENT + "\\s+TO\\s+" + IDENT + "$", F);
    private static final Pattern TYPE = Pattern.compile(
            "^" + TABLE + "ALTER\\s+(?:COLUMN\\s+)?" + IDENT + "\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+(.+?)(?:\\s+USING\\s+(.+))?$", F);
    private static final Pattern DROP = Pattern.compile(
            "^" + TABLE + "DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(?!CONSTRAINT\\b)" + IDENT + "(?:\\s+(?:RESTRICT|CASCADE))?$", F);
    private static final Pattern SET_NOT_NULL = Pattern.compile("^" + TABLE + "ALTER\\s+(?:COLUMN\\s+)?" + IDENT + "\\s+SET\\s+NOT\\s+NULL$", F);
    private static final Pattern ADD = Pattern.compile("^" + TABLE + "ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?!CONSTRAINT\\b)" + IDENT + "\\s+(.+)$", F);
    private static final Pattern NOT_NULL = Pattern.compile("\\bNOT\\s+NULL\\b", F);
    private static final Pattern DEFAULT = Pattern.compile("\\bDEFAULT\\s+(.+?)(?=\\s+(?:NOT\\s+NULL|NULL|CONSTRAINT|CHECK|REFERENCES|UNIQUE|PRIMARY|COLLATE)\\b|$)", F);
    private static final Pattern TYPE_END = Pattern.compile("\\s+(?:NOT\\s+NULL|NULL|DEFAULT|CONSTRAINT|CHECK|REFERENCES|UNIQUE|PRIMARY|COLLATE|GENERATED)\\b", F);

    private SchemaChanges() {
    }

    public static Optional<SchemaChange> parse(String statement) {
        String s = statement.strip().replaceAll(";$", "").strip();
        Matcher m;
        if ((m = RENAME.matcher(s)).matches()) {
            return Optional.of(new SchemaChange.RenameColumn(m.group(1), m.group(4), m.group(5)));
        }
        if ((m = SET_NOT_NULL.matcher(s)).matches()) {
            return Optional.of(new SchemaChange.SetNotNull(m.group(1), m.group(4)));
        }
        if ((m = TYPE.matcher(s)).matches()) {
            return Optional.of(new SchemaChange.ChangeType(m.group(1), m.group(4), m.group(5).strip(),
                    m.group(6) == null ? null : m.group(6).strip()));
        }
        if ((m = DROP.matcher(s)).matches()) {
            return Optional.of(new SchemaChange.DropColumn(m.group(1), m.group(4)));
        }
        if ((m = ADD.matcher(s)).matches() && NOT_NULL.matcher(m.group(5)).find()) {
            String rest = m.group(5);
            Matcher end = TYPE_END.matcher(rest);
            String type = end.find() ? rest.substring(0, end.start()).strip() : rest.strip();
            Matcher d = DEFAULT.matcher(rest);
            return Optional.of(new SchemaChange.AddNotNullColumn(m.group(1), m.group(4), type, d.find() ? d.group(1).strip() : null));
        }
        return Optional.empty();
    }
}
