package io.turnout.migrate.parse;

import java.util.List;
import java.util.Locale;

/**
 * A column type as written, normalised to PostgreSQL's canonical name (int4 and integer are
 * both {@code integer}, character varying is {@code varchar}, timestamp with time zone is
 * {@code timestamptz}) with its modifiers, e.g. varchar(20) → name varchar, mods [20].
 */
public record DataType(String name, List<Integer> mods, boolean array) {

    public DataType {
        mods = List.copyOf(mods);
    }

    public static DataType read(Cursor c) {
        Token first = c.peek();
        if (first == null || !first.isIdentifier()) {
            throw c.error("Expected a data type");
        }
        String name = c.next().name();
        while (c.acceptSymbol(".")) { // schema-qualified type: keep the type name
            name = c.identifier("a type name");
        }
        if (name.equals("double") && c.accept("PRECISION")) {
            name = "double precision";
        } else if ((name.equals("character") || name.equals("char")) && c.accept("VARYING")) {
            name = "varchar";
        } else if (name.equals("bit") && c.accept("VARYING")) {
            name = "varbit";
        }
        List<Integer> mods = new java.util.ArrayList<>();
        if (c.atSymbol("(")) {
            for (Token t : c.parens()) {
                if (t.kind() == Token.Kind.NUMBER) {
                    try {
                        mods.add(Integer.parseInt(t.text()));
                    } catch (NumberFormatException e) {
                        // MAX or odd modifiers: kept out of the numeric list on purpose
                    }
                }
            }
        }
        if (name.equals("timestamp") || name.equals("time")) {
            if (c.accept("WITH", "TIME", "ZONE")) {
                name = name + "tz";
            } else {
                c.accept("WITHOUT", "TIME", "ZONE");
            }
        }
        while (c.accept("UNSIGNED") || c.accept("ZEROFILL")) {
            // MySQL attributes of the type
        }
        boolean array = false;
        while (c.atSymbol("[")) {
            c.next();
            while (!c.acceptSymbol("]")) {
                c.next();
            }
            array = true;
        }
        if (c.accept("ARRAY")) {
            array = true;
        }
        return new DataType(canonical(name), mods, array);
    }

    private static String canonical(String n) {
        return switch (n.toLowerCase(Locale.ROOT)) {
            case "int", "integer", "int4", "mediumint" -> "integer";
            case "int2", "smallint", "tinyint" -> "smallint";
            case "int8", "bigint" -> "bigint";
            case "serial", "serial4" -> "serial";
            case "bigserial", "serial8" -> "bigserial";
            case "smallserial", "serial2" -> "smallserial";
            case "character", "char", "bpchar", "nchar" -> "char";
            case "character varying", "nvarchar" -> "varchar";
            case "decimal", "dec" -> "numeric";
            case "float8", "float" -> "double precision";
            case "float4" -> "real";
            case "bool" -> "boolean";
            case "timestamp without time zone" -> "timestamp";
            default -> n.toLowerCase(Locale.ROOT);
        };
    }

    public boolean isSerial() {
        return name.equals("serial") || name.equals("bigserial") || name.equals("smallserial");
    }

    @Override
    public String toString() {
        String m = mods.isEmpty() ? "" : mods.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",", "(", ")"));
        return name + m + (array ? "[]" : "");
    }
}
