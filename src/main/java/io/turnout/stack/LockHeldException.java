package io.turnout.stack;

/** Another operator (or process) holds the stack; the message names them and what they are doing. */
public final class LockHeldException extends RuntimeException {

    private final LockInfo holder;

    public LockHeldException(String stack, LockInfo holder) {
        super("Stack '" + stack + "' is locked by " + holder.sentence()
                + ". Wait for it, or release it with 'turnout lock release --force' if that release is dead.");
        this.holder = holder;
    }

    public LockInfo holder() {
        return holder;
    }
}
