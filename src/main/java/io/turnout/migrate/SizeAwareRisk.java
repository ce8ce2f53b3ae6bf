package io.turnout.migrate;

/**
 * Where table sizes change a verdict (a rewrite of an empty table is LOW, of a 50 GB one HIGH).
 * {@link #NONE} leaves every operation as the rules left it; a connected classifier passes one
 * built over {@link TableStats}.
 */
public class SizeAwareRisk {

    public static final SizeAwareRisk NONE = new SizeAwareRisk(table -> java.util.Optional.empty());

    protected final TableStats stats;

    public SizeAwareRisk(TableStats stats) {
        this.stats = stats;
    }

    /** The operation with its risk raised or relaxed for the sizes of its tables. */
    public Operation adjust(Operation op) {
        return op;
    }
}
