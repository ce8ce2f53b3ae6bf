package io.turnout.migrate;

import java.util.OptionalInt;

/**
 * @param pgVersion PostgreSQL major version the verdicts are for; empty = unknown, so
 *                  version-dependent behaviour is reported as {@link Rewrite#DEPENDS}
 */
public record ClassifyOptions(Dialect dialect, OptionalInt pgVersion) {

    public static ClassifyOptions postgres(int major) {
        return new ClassifyOptions(Dialect.POSTGRESQL, OptionalInt.of(major));
    }
}
