package io.turnout.stack;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Release (and plan run) ids such as {@code 20261123T101502123Z-web-green-3fa9}: a fixed-width UTC
 * timestamp first so ids sort by time as plain strings (snapshot and journal listings rely on
 * it), then what was released, then 4 random hex digits so two runs in the same millisecond differ.
 */
public final class ReleaseIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private ReleaseIds() {
    }

    public static String next(Clock clock, String service, Color color) {
        return STAMP.format(clock.instant()) + "-" + service + "-" + color.id() + "-" + random4();
    }

    /** For runs that concern no single service (apply, maintenance, remove): {@code 20261123T101502123Z-apply-3fa9}. */
    public static String next(Clock clock, String kind) {
        return STAMP.format(clock.instant()) + "-" + kind + "-" + random4();
    }

    private static String random4() {
        return HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
    }
}
