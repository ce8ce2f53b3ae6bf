package io.turnout.activity;

/** Where an operation is in its life; only {@link #RUNNING} ones can still change. */
public enum OperationStatus {
    RUNNING, SUCCEEDED, FAILED;

    public boolean finished() {
        return this != RUNNING;
    }
}
