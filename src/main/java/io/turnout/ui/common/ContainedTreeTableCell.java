package io.turnout.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;

/**
 * A tree-table cell whose content changes re-lay out only the cell itself, in a table with a fixed
 * cell size.
 * <p>
 * Why: a cell's new text or badge normally requests layout all the way up through its row, and
 * {@code VirtualFlow.layoutChildren} treats any row that needs layout as a reason to rebuild every
 * visible row: re-index, {@code updateItem} and {@code applyCss} on each. With 1,000 containers
 * and a few state changes a second that cost 50–150 ms per pulse under software rendering. When the
 * table has a fixed cell size, no cell's content can change its row's size, so the request can stop
 * here: {@link #setNeedsLayout(boolean) setNeedsLayout(true)} lays this cell out in the next pass
 * and marks its ancestors only as a dirty branch (walked, not re-laid out).
 * <p>
 * A column resize still goes up: the row has to move this cell and its neighbours. Outside a row
 * (a table measuring a detached cell to fit a column) or without a fixed cell size, every request
 * goes up as usual.
 */
public class ContainedTreeTableCell<S, T> extends TreeTableCell<S, T> {

    /** The skin asks for layout on a column resize too; this is the one request the row must see. */
    private final InvalidationListener columnResized = o -> super.requestLayout();
    private final WeakInvalidationListener weakColumnResized = new WeakInvalidationListener(columnResized);

    public ContainedTreeTableCell() {
        tableColumnProperty().addListener((obs, before, column) -> {
            if (before != null) {
                before.widthProperty().removeListener(weakColumnResized);
            }
            if (column != null) {
                column.widthProperty().addListener(weakColumnResized);
            }
        });
    }

    @Override
    public void requestLayout() {
        TreeTableView<S> table = getTreeTableView();
        if (getParent() instanceof TreeTableRow<?> && table != null && table.getFixedCellSize() > 0) {
            setNeedsLayout(true);
        } else {
            super.requestLayout();
        }
    }
}
