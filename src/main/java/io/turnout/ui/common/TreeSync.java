package io.turnout.ui.common;

import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Keyed diff of tree children: items whose key stays are kept (value replaced only if changed),
 * so selection, expansion and scroll survive; gone keys are removed, new ones inserted in place.
 * Callers should hand long-lived values with observable parts: replacing a value makes a
 * TreeView/TreeTableView recreate all its visible cells. An unchanged list costs O(n) lookups
 * and fires no change.
 */
public final class TreeSync {

    private TreeSync() {
    }

    /** Makes {@code parent}'s children match {@code desired} in order; returns the kept/created items by key. */
    public static <T> Map<Object, TreeItem<T>> sync(TreeItem<T> parent, List<? extends T> desired, Function<? super T, ?> key) {
        ObservableList<TreeItem<T>> children = parent.getChildren();
        Set<Object> wanted = new HashSet<>();
        for (T value : desired) {
            wanted.add(key.apply(value));
        }
        children.removeIf(item -> !wanted.contains(key.apply(item.getValue())));

        Map<Object, TreeItem<T>> existing = new HashMap<>();
        for (TreeItem<T> item : children) {
            existing.put(key.apply(item.getValue()), item);
        }
        Map<Object, TreeItem<T>> result = new HashMap<>();
        for (int i = 0; i < desired.size(); i++) {
            T value = desired.get(i);
            Object k = key.apply(value);
            TreeItem<T> item = existing.get(k);
            if (item == null) {
                item = new TreeItem<>(value);
                children.add(i, item);
            } else {
                if (i >= children.size() || children.get(i) != item) {
                    children.remove(item);
                    children.add(i, item);
                }
                if (!Objects.equals(item.getValue(), value)) {
                    item.setValue(value);
                }
            }
            result.put(k, item);
        }
        return result;
    }
}
