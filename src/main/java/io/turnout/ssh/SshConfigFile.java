package io.turnout.ssh;

import io.turnout.ssh.SshConfigParser.Block;
import io.turnout.ssh.SshConfigParser.Directive;
import io.turnout.ssh.SshHostConfig.StrictHostKeyChecking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OpenSSH client configuration as ssh_config(5) reads it: the first obtained value wins, the user
 * file before the system file; {@code Host} patterns with {@code *}, {@code ?} and {@code !}; {@code Include};
 * {@code ~} and {@code %} tokens in file names. {@code Match} is not supported (skipped, logged).
 * Files are read once, at construction.
 */
public final class SshConfigFile {

    private final Path home;
    private final String localUser;
    private final List<Block> blocks;
    private final List<Directive> directives;

    /** Reads {@code files} in order (missing ones are ignored); {@code home} anchors {@code ~} and {@code ~/.ssh}. */
    public SshConfigFile(List<Path> files, Path home, String localUser) {
        this.home = home;
        this.localUser = localUser;
        SshConfigParser.Parsed parsed = SshConfigParser.parse(files, home.resolve(".ssh"));
        this.blocks = parsed.blocks();
        this.directives = parsed.directives();
    }

    /** {@code ~/.ssh/config} then {@code /etc/ssh/ssh_config}, as plain {@code ssh}. */
    public static SshConfigFile defaults() {
        Path home = Path.of(System.getProperty("user.home"));
        return new SshConfigFile(List.of(home.resolve(".ssh/config"), Path.of("/etc/ssh/ssh_config")),
                home, System.getProperty("user.name"));
    }

    /** Only {@code file}, as {@code ssh -F file} (the global {@code --ssh-config} option). */
    public static SshConfigFile explicit(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("SSH config file " + file + " does not exist or is not readable.");
        }
        return new SshConfigFile(List.of(file), Path.of(System.getProperty("user.home")), System.getProperty("user.name"));
    }

    /** Every concrete (pattern-free) Host alias, in file order, with its resolved configuration. */
    public List<SshHostConfig> listAliases() {
        Set<String> names = new LinkedHashSet<>();
        for (Block b : blocks) {
            for (String p : b.patterns()) {
                if (!HostPatterns.isPattern(p)) {
                    names.add(p);
                }
            }
        }
        return names.stream().map(this::resolve).toList();
    }

    /** The settings for {@code alias} (a Host alias or a plain host name). */
    public SshHostConfig resolve(String alias) {
        Map<String, List<String>> first = new HashMap<>();
        List<String> identityFiles = new ArrayList<>();
        for (Directive d : directives) {
            if (!d.block().matches(alias)) {
                continue;
            }
            if (d.keyword().equals("identityfile")) {
                identityFiles.addAll(d.args());
            } else {
                first.putIfAbsent(d.keyword(), d.args());
            }
        }
        // the block naming the alias itself, else the first pattern block that matched
        String source = blocks.stream().filter(b -> b.matches(alias) && b.patterns().stream().anyMatch(alias::equalsIgnoreCase))
                .map(Block::source).findFirst()
                .or(() -> blocks.stream().filter(b -> b.matches(alias)).map(Block::source).findFirst()).orElse(null);
        String hostName = one(first, "hostname").map(h -> h.replace("%h", alias).replace("%%", "%")).orElse(alias);
        String user = one(first, "user").orElse(localUser);
        int port = one(first, "port").map(p -> parseInt(p, "Port", alias)).orElse(22);
        Tokens tokens = new Tokens(alias, hostName, port, user);

        List<Path> ids = new ArrayList<>();
        for (String f : identityFiles) {
            if (!f.equalsIgnoreCase("none")) {
                ids.add(tokens.path(f));
            }
        }
        if (ids.isEmpty() && identityFiles.isEmpty()) {
            for (String def : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
                Path p = home.resolve(".ssh").resolve(def);
                if (Files.isRegularFile(p)) {
                    ids.add(p);
                }
            }
        }
        List<Path> known = first.getOrDefault("userknownhostsfile", List.of("~/.ssh/known_hosts")).stream()
                .filter(f -> !f.equalsIgnoreCase("none")).map(tokens::path).toList();
        List<String> jump = one(first, "proxyjump").filter(j -> !j.equalsIgnoreCase("none"))
                .map(j -> List.of(j.split(","))).orElse(List.of()).stream().map(String::strip).toList();

        return new SshHostConfig(alias, hostName, user, port, ids,
                one(first, "identitiesonly").map(SshConfigFile::yes).orElse(false),
                jump, known,
                one(first, "stricthostkeychecking").map(SshConfigFile::strict).orElse(StrictHostKeyChecking.ASK),
                Duration.ofSeconds(one(first, "serveraliveinterval").map(v -> parseInt(v, "ServerAliveInterval", alias)).orElse(15)),
                one(first, "serveralivecountmax").map(v -> parseInt(v, "ServerAliveCountMax", alias)).orElse(3),
                one(first, "connecttimeout").map(v -> Duration.ofSeconds(parseInt(v, "ConnectTimeout", alias))),
                one(first, "hostkeyalias").orElse(null),
                source);
    }

    private static Optional<String> one(Map<String, List<String>> first, String key) {
        List<String> v = first.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", v));
    }

    private static int parseInt(String v, String keyword, String alias) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SSH config for '" + alias + "': " + keyword + " '" + v + "' is not a number.");
        }
    }

    private static boolean yes(String v) {
        return v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true");
    }

    private static StrictHostKeyChecking strict(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> StrictHostKeyChecking.YES;
            case "accept-new" -> StrictHostKeyChecking.ACCEPT_NEW;
            case "no", "off", "false" -> StrictHostKeyChecking.NO;
            default -> StrictHostKeyChecking.ASK;
        };
    }

    /** {@code ~} and {@code %h %p %r %u %d %n %%} expansion for file names. */
    private final class Tokens {
        private final String alias;
        private final String host;
        private final int port;
        private final String user;

        Tokens(String alias, String host, int port, String user) {
            this.alias = alias;
            this.host = host;
            this.port = port;
            this.user = user;
        }

        Path path(String raw) {
            String s = raw;
            if (s.equals("~")) {
                s = home.toString();
            } else if (s.startsWith("~/")) {
                s = home.resolve(s.substring(2)).toString();
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '%' || i + 1 >= s.length()) {
                    b.append(c);
                    continue;
                }
                char t = s.charAt(++i);
                switch (t) {
                    case 'h' -> b.append(host);
                    case 'p' -> b.append(port);
                    case 'r' -> b.append(user);
                    case 'u' -> b.append(localUser);
                    case 'd' -> b.append(home);
                    case 'n' -> b.append(alias);
                    case '%' -> b.append('%');
                    default -> throw new IllegalArgumentException("Unknown token %" + t + " in '" + raw + "'.");
                }
            }
            Path p = Path.of(b.toString());
            return p.isAbsolute() ? p : home.resolve(".ssh").resolve(p);
        }
    }
}
