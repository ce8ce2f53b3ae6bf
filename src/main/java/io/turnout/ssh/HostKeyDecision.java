package io.turnout.ssh;

/** The operator's answer to an unknown host key. */
public enum HostKeyDecision {
    /** Do not connect. */
    REJECT,
    /** Connect this time (and reconnects of this connection), write nothing. */
    TRUST_ONCE,
    /** Connect and append the key to the first UserKnownHostsFile. */
    TRUST_ALWAYS
}
