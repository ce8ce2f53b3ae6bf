package io.turnout.ui.migrate;

import io.turnout.testing.Screenshots;
import io.turnout.activity.ActivityLog;
import io.turnout.app.EngineMigrationServices;
import io.turnout.db.Backups;
import io.turnout.db.DbConnector;
import io.turnout.migrate.FlywayRunner;
import io.turnout.migrate.FlywaySettings;
import io.turnout.migrate.Risk;
import io.turnout.testing.ScratchDatabase;
import io.turnout.ui.common.FxTaskRunner;
import io.turnout.ui.shell.Shell;
import io.turnout.ui.shell.ShellFactory;
import io.turnout.ui.shell.UiStateStore;
import javafx.application.ColorScheme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration wizard in a real window (Xvfb) on the real engine, opened from the command palette
 * without any host: pasted SQL with a plain CREATE INDEX and an ALTER COLUMN TYPE is classified HIGH
 * with CREATE INDEX CONCURRENTLY as the safe alternative; then a safe migration runs against a
 * scratch database on the sandbox PostgreSQL through the wizard's plan run and reaches the summary.
 * Writes {@code docs/images/migration-wizard.png}.
 */
@ExtendWith(ApplicationExtension.class)
class MigrationWizardUiIT {

    private static final String RISKY = """
            CREATE INDEX orders_user_id ON orders (user_id);
            ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);
            """;

    @TempDir
    static Path config;
    @TempDir
    static Path backups;

    private final ActivityLog activity = new ActivityLog(Clock.systemUTC());
    private ScratchDatabase db;

    @Start
    void start(Stage stage) {
        Shell shell = new ShellFactory(List.of(), activity, FxTaskRunner.withDaemonPool(), new UiStateStore(config),
                java.time.Instant::now, new SimpleObjectProperty<>(ColorScheme.LIGHT), request -> { })
                .withMigrations(new EngineMigrationServices(DbConnector.direct(), new Backups(backups, Clock.systemUTC(), 3), System.getenv(),
                        Clock.systemUTC()))
                .create();
        shell.mount(stage);
        stage.setWidth(1200);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void pastedSqlIsClassifiedWithItsSafeAlternativeAndASafeMigrationRunsToTheSummary(FxRobot robot) throws Exception {
        db = ScratchDatabase.create("wizard");
        db.execute("create table orders (id bigint primary key, user_id bigint, total numeric(10,2))");
        // an existing database already under Flyway, as `turnout migrate baseline` leaves it
        new FlywayRunner(DbConnector.direct(), db.url(), FlywaySettings.of(Files.createTempDirectory("turnout-wizard-empty"))).baseline("1");

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("Migrate database");
        robot.type(KeyCode.ENTER);
        waitFor(10, () -> wizard() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot().getStyleClass().contains("migration-wizard")).count()).as("wizard windows").isEqualTo(1);
        javafx.scene.Parent root = wizard().getScene().getRoot();

        TextArea sql = robot.from(root).lookup(".migration-sql").queryAs(TextArea.class);
        robot.interact(() -> sql.setText(RISKY));
        ComboBox<String> version = robot.from(root).lookup(".combo-box").queryAllAs(ComboBox.class).stream()
                .filter(ComboBox::isEditable).findFirst().orElseThrow();
        robot.interact(() -> version.setValue("15"));
        robot.clickOn(button(robot, root, "Classify"));

        TableView<StatementRow> table = robot.from(root).lookup(".migration-statements").queryAs(TableView.class);
        waitFor(30, () -> table.isVisible() && table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(r -> r.op().risk()).containsOnly(Risk.HIGH);
        assertThat(robot.from(root).lookup(".risk-cell").queryAllAs(Label.class))
                .allSatisfy(l -> assertThat(l.getStyleClass()).contains("danger"));
        robot.interact(() -> table.getSelectionModel().select(0));
        TextArea alternative = robot.from(root).lookup(".migration-alternative").queryAs(TextArea.class);
        waitFor(5, () -> alternative.getText().contains("CREATE INDEX CONCURRENTLY"));
        assertThat(robot.from(root).lookup(".migration-verdict").queryAs(Label.class).getText()).startsWith("HIGH risk");
        Screenshots.save("migration-wizard.png", wizard().getScene());

        // a safe migration on the scratch database, through the whole wizard
        robot.clickOn(button(robot, root, "Back"));
        robot.interact(() -> sql.setText("ALTER TABLE orders ADD COLUMN note text;\nCREATE TABLE coupons (code text PRIMARY KEY);\n"));
        TextField database = robot.from(root).lookup(".text-field").queryAllAs(TextField.class).stream()
                .filter(t -> t.getPromptText() != null && t.getPromptText().startsWith("jdbc:")).findFirst().orElseThrow();
        robot.interact(() -> database.setText(db.url().jdbcUrl()));
        robot.clickOn(button(robot, root, "Classify"));
        waitFor(30, () -> table.getItems().size() == 2 && table.getItems().stream().allMatch(r -> r.op().risk() == Risk.LOW));
        robot.clickOn(button(robot, root, "Next: plan"));
        waitFor(10, () -> button(robot, root, "Next: shadow check") != null);
        robot.clickOn(button(robot, root, "Next: shadow check"));
        robot.clickOn(button(robot, root, "Run shadow check on " + db.url().database()));
        Label shadow = robot.from(root).lookup(".migration-shadow-summary").queryAs(Label.class);
        waitFor(60, () -> shadow.getText().startsWith("The server agreed"));
        robot.clickOn(button(robot, root, "Next: backup"));
        robot.clickOn(button(robot, root, "Preview the run"));
        String run = "Run 1 migration on " + db.url().database() + " (live)";
        waitFor(30, () -> button(robot, root, run) != null);
        robot.clickOn(button(robot, root, run));

        Label summary = robot.from(root).lookup(".wizard-page .run-outcome").queryAs(Label.class);
        waitFor(120, () -> summary.isVisible() && !summary.getText().isEmpty());
        assertThat(summary.getText()).startsWith("Applied 1 migration to " + db.url().database() + ".");
        try (var c = db.open("turnout-wizard-it"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'note'")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1);
        }
        robot.clickOn(button(robot, root, "Close"));
        waitFor(10, () -> wizard() == null);
    }

    private static Button button(FxRobot robot, javafx.scene.Parent root, String text) {
        return robot.from(root).lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText()) && b.isVisible() && !b.isDisabled()).findFirst().orElse(null);
    }

    private static Window wizard() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot().getStyleClass().contains("migration-wizard"))
                .findFirst().orElse(null);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        io.turnout.testing.FxWait.until(seconds, condition);
    }
}
