package io.turnout.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Labelled {@code pg_dump -Fc} backups on the workstation:
 * {@code <root>/<host-or-local>/<database>/<timestamp>-<label>.dump} plus a {@code .json} sidecar
 * ({@link BackupInfo}). The newest {@code keep} per database survive each new backup. The root is
 * normally {@code ~/.turnout/backups} (see ADR 0016 for why backups live on the workstation).
 */
public final class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    public static final int DEFAULT_KEEP = 10;
    public static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final Clock clock;
    private final int keep;

    public Backups(Path root, Clock clock, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("Keep at least one backup, not " + keep + ".");
        }
        this.root = root;
        this.clock = clock;
        this.keep = keep;
    }

    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".turnout", "backups");
    }

    public Path root() {
        return root;
    }

    /**
     * Dumps the database through {@code source} and records it; older backups of the same database
     * beyond {@code keep} are deleted afterwards.
     *
     * @param host the Docker host's label, or {@code local}
     */
    public BackupInfo backup(DbConnector connector, DbUrl url, String host, DumpSource source, String label) {
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("A backup label is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; not '"
                    + label + "'.");
        }
        String version = serverVersion(connector, url);
        Instant now = clock.instant();
        Path folder = root.resolve(folderName(host)).resolve(url.database());
        String file = STAMP.format(now) + "-" + label + ".dump";
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve(file + ".partial");
            try {
                source.dump(partial);
                Files.move(partial, folder.resolve(file), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            Path dump = folder.resolve(file);
            BackupInfo info = new BackupInfo(label, host, url.database(), url.masked(), Files.size(dump), version, now, sha256(dump),
                    file, source.via());
            JSON.writeValue(folder.resolve(file + ".json").toFile(), info);
            log.info("Backup {} of {} written to {} ({} bytes, {})", label, url.masked(), dump, info.size(), source.via());
            prune(folder);
            return info;
        } catch (IOException e) {
            throw new DbException("Cannot write the backup under " + folder + ": " + e.getMessage() + ".", e);
        }
    }

    /** Every backup, newest first. */
    public List<BackupInfo> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 3)) {
            List<BackupInfo> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".dump.json")).toList()) {
                try {
                    out.add(JSON.readValue(p.toFile(), BackupInfo.class));
                } catch (IOException e) {
                    log.warn("Skipping unreadable backup sidecar {}: {}", p, e.getMessage());
                }
            }
            out.sort(Comparator.comparing(BackupInfo::created).reversed());
            return out;
        } catch (IOException e) {
            throw new DbException("Cannot list the backups under " + root + ": " + e.getMessage() + ".", e);
        }
    }

    /** The newest backup with this label (or whose file name is this), checked against its sha256. */
    public BackupInfo find(String label) {
        BackupInfo info = list().stream().filter(b -> b.label().equals(label) || b.file().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no backup labelled '" + label + "' under " + root
                        + "; 'turnout db backups' lists them."));
        Path dump = info.dump(root);
        try {
            if (!Files.exists(dump) || !sha256(dump).equals(info.sha256())) {
                throw new DbException("The backup file " + dump + " is missing or does not match its recorded sha256; it cannot be trusted.");
            }
        } catch (IOException e) {
            throw new DbException("Cannot read the backup " + dump + ": " + e.getMessage() + ".", e);
        }
        return info;
    }

    public Optional<BackupInfo> latest(String label) {
        return list().stream().filter(b -> b.label().equals(label)).findFirst();
    }

    private void prune(Path folder) throws IOException {
        List<Path> sidecars;
        try (Stream<Path> s = Files.list(folder)) {
            sidecars = s.filter(f -> f.getFileName().toString().endsWith(".dump.json")).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path old : sidecars.subList(Math.min(keep, sidecars.size()), sidecars.size())) {
            String sidecar = old.getFileName().toString();
            Files.deleteIfExists(folder.resolve(sidecar.substring(0, sidecar.length() - ".json".length())));
            Files.deleteIfExists(old);
            log.info("Retention: removed backup {}", sidecar);
        }
    }

    /** Host labels such as {@code ssh://deploy@db1:2222} become safe folder names. */
    static String folderName(String host) {
        return host.replaceAll("^[a-z]+://", "").replaceAll("[^A-Za-z0-9._@-]", "_");
    }

    private static String serverVersion(DbConnector connector, DbUrl url) {
        try (Connection c = connector.open(url, "turnout-backup"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('server_version')")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new DbException("Cannot read the server version of " + url.masked() + ": " + e.getMessage() + ".", e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
