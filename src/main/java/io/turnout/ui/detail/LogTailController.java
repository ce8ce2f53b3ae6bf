package io.turnout.ui.detail;

import atlantafx.base.controls.CustomTextField;
import io.turnout.docker.LogLine;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.Showing;
import io.turnout.ui.common.UiStyles;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Live log tail: search with highlight/filter, follow toggle; the stream runs only while showing. */
public final class LogTailController {

    private static final PseudoClass STDERR = PseudoClass.getPseudoClass(UiStyles.LOG_STDERR);
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass(UiStyles.LOG_MATCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final LogTailViewModel vm;

    @FXML private VBox root;
    @FXML private CustomTextField search;
    @FXML private CheckBox onlyMatches;
    @FXML private ToggleButton follow;
    @FXML private Label matchCount;
    @FXML private Label status;
    @FXML private ListView<LogLine> lines;

    public LogTailController(LogTailViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        search.setLeft(Icons.of(Feather.SEARCH));
        search.textProperty().bindBidirectional(vm.searchProperty());
        onlyMatches.selectedProperty().bindBidirectional(vm.onlyMatchesProperty());
        follow.setGraphic(Icons.of(Feather.ARROW_DOWN_CIRCLE));
        follow.selectedProperty().bindBidirectional(vm.followProperty());
        matchCount.textProperty().bind(vm.matchCountProperty().map(n -> n.intValue() == 0 ? "" : n + " matches"));
        status.textProperty().bind(vm.statusProperty());

        lines.setItems(vm.shownLines());
        lines.setCellFactory(l -> new LogCell());
        vm.shownLines().addListener((ListChangeListener<LogLine>) c -> {
            if (vm.followProperty().get() && !lines.getItems().isEmpty()) {
                lines.scrollTo(lines.getItems().size() - 1);
            }
        });
        vm.searchProperty().subscribe(q -> lines.refresh());
        Showing.of(root).subscribe(shown -> {
            if (Boolean.TRUE.equals(shown)) {
                vm.start();
            } else {
                vm.stop();
            }
        });
    }

    public void focusSearch() {
        search.requestFocus();
    }

    private final class LogCell extends ListCell<LogLine> {
        LogCell() {
            getStyleClass().add(UiStyles.MONO);
        }

        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty || line == null ? null : (line.time() == null ? "" : TIME.format(line.time()) + "  ") + line.text());
            pseudoClassStateChanged(STDERR, !empty && line != null && line.stderr());
            pseudoClassStateChanged(MATCH, !empty && line != null && vm.matches(line));
        }
    }
}
