package io.turnout.activity;

/**
 * Handle on one running operation, returned by {@link ActivityLog#start}. Safe to call from any
 * thread; calls after {@link #succeed()} or {@link #fail(String)} are ignored, so a late progress
 * report from a worker cannot resurrect a finished operation.
 */
public interface Operation {

    long id();

    /** Fraction done, clamped to 0..1; a negative value means "indeterminate". */
    void progress(double fraction);

    void log(String line);

    void succeed();

    void fail(String reason);
}
