package io.turnout.cli;

import io.turnout.target.TargetException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Runs one CLI invocation: parse, execute, map failures to one sentence on stderr and an exit
 * code (1 operation failed, 2 usage/bad input). Stack traces only with {@code --debug}.
 */
public final class Cli {

    private final CliServices services;
    private final PrintWriter out;
    private final PrintWriter err;

    public Cli(CliServices services, PrintWriter out, PrintWriter err) {
        this.services = services;
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        TurnoutCommand root = new TurnoutCommand(services);
        CommandLine cl = new CommandLine(root);
        Verbs.needed(args).forEach(verb -> cl.addSubcommand(verb.get()));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ParameterException e, String[] a) -> {
            err.println("turnout: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try 'turnout " + (e.getCommandLine() == cl ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
            err.flush();
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (root.debug()) {
                ex.printStackTrace(err);
            }
            err.println("turnout: " + sentence(ex));
            err.flush();
            return ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException && isBadInput(ex)
                    ? ExitCode.USAGE : ExitCode.FAILED;
        });
        return cl.execute(args);
    }

    private static boolean isBadInput(Exception ex) {
        return ex.getCause() instanceof java.nio.file.NoSuchFileException;
    }

    /** The operator-facing sentence: our own messages as they are, others with their cause. */
    static String sentence(Throwable t) {
        if (t instanceof TargetException || t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return t == root || t.getMessage() == null ? msg : t.getMessage();
    }
}
