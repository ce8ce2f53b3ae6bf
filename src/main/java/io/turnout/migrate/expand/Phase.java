package io.turnout.migrate.expand;

/** The three phases of an expand/contract change, in release order. */
public enum Phase {
    /** Additive schema only: the running code keeps working. */
    EXPAND("expand"),
    /** Data moves in small batches while both code versions run. */
    MIGRATE("backfill"),
    /** Removes what the old code needs: after it, rolling the code back is no longer safe. */
    CONTRACT("contract");

    private final String fileWord;

    Phase(String fileWord) {
        this.fileWord = fileWord;
    }

    public String fileWord() {
        return fileWord;
    }
}
