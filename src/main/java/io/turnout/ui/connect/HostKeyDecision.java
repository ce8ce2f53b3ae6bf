package io.turnout.ui.connect;

/** The operator's answer to an unknown host key; the lead maps it onto the SSH layer's prompt. */
public enum HostKeyDecision {
    TRUST_ONCE, TRUST_AND_REMEMBER, CANCEL
}
