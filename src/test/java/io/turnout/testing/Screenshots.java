package io.turnout.testing;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PNG snapshots of real windows: the README's screenshots (the {@code turnout.screenshots}
 * property points at {@code docs/images}) and, when a UI wait times out, what the operator would
 * have seen at that moment.
 */
public final class Screenshots {

    public static final Path TARGET = Path.of("target/screenshots");

    private Screenshots() {
    }

    /** Into the {@code turnout.screenshots} folder (default {@code target/screenshots}). */
    public static void save(String name, Scene scene) throws Exception {
        saveTo(Path.of(System.getProperty("turnout.screenshots", TARGET.toString())), name, scene);
    }

    public static void saveTo(Path dir, String name, Scene scene) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(dir);
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(5, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name).toFile());
    }

    /** Every open window into {@link #TARGET}, named {@code <prefix><root style class>.png}. */
    public static void saveOpenWindows(String prefix) {
        try {
            for (Window w : FxWait.onFx(() -> List.copyOf(Window.getWindows()))) {
                if (w.getScene() != null) {
                    List<String> classes = w.getScene().getRoot().getStyleClass();
                    saveTo(TARGET, prefix + (classes.isEmpty() ? "window" : classes.getFirst()) + ".png", w.getScene());
                }
            }
        } catch (Exception e) {
            // a failed snapshot must not hide the failure that asked for it
            System.err.println("Could not save the windows' screenshots: " + e);
        }
    }
}
