package io.turnout.app;

import io.turnout.cli.Cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of the {@code turnout} launcher and of the packaged app. Deliberately not a JavaFX
 * {@code Application}: CLI verbs never load the toolkit, and JavaFX can run from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AppDirs dirs = AppDirs.forCurrentUser();
        configureLogging(dirs, Arrays.asList(args).contains("--debug"));
        if (opensConsole(args)) {
            GuiLauncher.prestart(); // the toolkit starts while the CLI parses and the engine is wired
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = new Cli(new AppServices(dirs, System.getenv(), Path.of(System.getProperty("user.home"))), out, err).run(args);
        out.flush();
        System.exit(code);
    }

    /** No verb, or gui/demo: the console will open (options may precede the verb). */
    static boolean opensConsole(String[] args) {
        for (String a : args) {
            switch (a) {
                case "gui", "demo" -> { return true; }
                case "hosts", "ps", "--version", "-V", "--help", "-h", "help" -> { return false; }
                default -> { }
            }
        }
        return true;
    }

    /** Must run before the first logger is created: logback reads these properties at start. */
    private static void configureLogging(AppDirs dirs, boolean debug) {
        try {
            Files.createDirectories(dirs.cache());
            System.setProperty("turnout.log.dir", dirs.cache().toString());
        } catch (java.io.IOException | SecurityException e) {
            // logback falls back to the temp dir
        }
        if (debug) {
            System.setProperty("turnout.log.level", "DEBUG");
        }
    }
}
