package io.turnout.ui.containers;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A row of the containers tree: a stack or service group, or one container. Nodes are long-lived
 * (one object per key) and carry their changing parts as properties: a tree item's value is never
 * replaced, because {@code TreeItem.setValue} makes the table throw away and recreate every
 * visible cell.
 */
public sealed interface ContainersNode permits ContainersNode.Group, ContainerItem {

    /** Stable identity across snapshots, used by the keyed tree diff. */
    String key();

    /** A stack or service heading; {@link #summaryProperty() summary} like "2/3 running · 1 unhealthy". */
    final class Group implements ContainersNode {
        private final String key;
        private final String title;
        private final ReadOnlyStringWrapper summary;

        public Group(String key, String title, String summary) {
            this.key = key;
            this.title = title;
            this.summary = new ReadOnlyStringWrapper(summary);
        }

        @Override
        public String key() {
            return key;
        }

        public String title() {
            return title;
        }

        public String summary() {
            return summary.get();
        }

        public ReadOnlyStringProperty summaryProperty() {
            return summary.getReadOnlyProperty();
        }

        void summary(String next) {
            summary.set(next);
        }

        @Override
        public String toString() {
            return "Group[" + key + ": " + summary.get() + "]";
        }
    }
}
