package io.turnout.ui.connect;

import io.turnout.ui.common.FxBlocking;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Blocking front for the SSH layer's prompt callbacks, which run on a connection thread: each
 * method shows its dialog on the FX thread and waits for the answer. Throws
 * {@link IllegalStateException} if called on the FX thread.
 */
public final class ConnectPrompts {

    private final Supplier<Window> owner;

    public ConnectPrompts(Supplier<Window> owner) {
        this.owner = owner;
    }

    public HostKeyDecision askUnknownHostKey(HostKey key) throws InterruptedException {
        return FxBlocking.callAndWait(() -> new HostKeyDialog(owner.get(), key).showAndWait().orElse(HostKeyDecision.CANCEL));
    }

    public void showChangedHostKey(String host, String keyType, String oldFingerprint, String newFingerprint) throws InterruptedException {
        FxBlocking.callAndWait(() -> new ChangedHostKeyAlert(owner.get(), host, keyType, oldFingerprint, newFingerprint).showAndWait());
    }

    /** Empty when the operator cancels. The caller should wipe the array after use. */
    public Optional<char[]> askPassphrase(String keyDescription) throws InterruptedException {
        return FxBlocking.callAndWait(() -> new PassphraseDialog(owner.get(), keyDescription).showAndWait());
    }
}
