package io.turnout.ui.connect;

/** What the host-key dialogs show: host (with port if not 22), key type and SHA256 fingerprint. */
public record HostKey(String host, String keyType, String fingerprint) { }
