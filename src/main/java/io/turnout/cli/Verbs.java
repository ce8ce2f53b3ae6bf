package io.turnout.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CLI's verbs, and which of them one invocation needs. Picocli builds each registered
 * command's model by reflection up front; for the whole tree that is ~300 ms of a cold
 * {@code turnout ps} (picocli's Java 5 bytecode stays out of the AOT cache), so an invocation
 * registers only the verb it names. Help, a bare option list and an unknown word get every verb,
 * so {@code --help} lists them all and a typo gets picocli's "did you mean" suggestions.
 */
final class Verbs {

    private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("gui", GuiCommand::new);
        ALL.put("demo", DemoCommand::new);
        ALL.put("hosts", HostsCommand::new);
        ALL.put("ps", PsCommand::new);
        ALL.put("stack", StackCommand::new);
        ALL.put("upgrade", UpgradeCommand::new);
        ALL.put("maintenance", MaintenanceCommand::new);
        ALL.put("lock", LockCommand::new);
        ALL.put("migrate", MigrateCommand::new);
        ALL.put("db", DbCommand::new);
        ALL.put("health", HealthCommand::new);
    }

    /** Root options that take a value: the word after them is that value, not a verb. */
    private static final List<String> OPTIONS_WITH_VALUE = List.of("--ssh-config");

    private Verbs() {
    }

    static List<Supplier<Object>> needed(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (arg.equals("-h") || arg.equals("--help") || arg.equals("help")) {
                return List.copyOf(ALL.values());
            } else if (!arg.startsWith("-")) {
                Supplier<Object> verb = ALL.get(arg);
                return verb == null ? List.copyOf(ALL.values()) : List.of(verb);
            }
        }
        return List.of(); // no verb: the root command alone (console, --version)
    }

    static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}
