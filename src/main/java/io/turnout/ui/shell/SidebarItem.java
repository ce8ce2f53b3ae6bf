package io.turnout.ui.shell;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The long-lived value of one sidebar tree item: its key never changes, its latest
 * {@link SidebarNode} (row, connection state) is replaced in place, so only the cell showing it
 * redraws. (Replacing a {@code TreeItem}'s value would recreate every visible cell.) FX thread only.
 */
final class SidebarItem {

    private final String key;
    private final ReadOnlyObjectWrapper<SidebarNode> node;

    SidebarItem(SidebarNode node) {
        this.key = node.key();
        this.node = new ReadOnlyObjectWrapper<>(node);
    }

    String key() {
        return key;
    }

    SidebarNode node() {
        return node.get();
    }

    ReadOnlyObjectProperty<SidebarNode> nodeProperty() {
        return node.getReadOnlyProperty();
    }

    /** Record equality: an unchanged node notifies nobody. */
    void update(SidebarNode next) {
        if (!next.equals(node.get())) {
            node.set(next);
        }
    }

    @Override
    public String toString() {
        return "SidebarItem[" + key + "]";
    }
}
