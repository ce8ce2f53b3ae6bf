package io.turnout.profile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Saved connection profiles as {@code profiles.json} in the user config directory. Writes are
 * atomic (temp file + move) so a crash never leaves a half-written file behind.
 */
public final class ProfileStore {

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ProfileStore(Path configDir) {
        this.file = configDir.resolve("profiles.json");
    }

    public Path file() {
        return file;
    }

    public synchronized List<ConnectionProfile> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return List.copyOf(json.readValue(file.toFile(), new TypeReference<List<ConnectionProfile>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read connection profiles from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds or replaces (by name) a profile. */
    public synchronized void save(ConnectionProfile profile) {
        List<ConnectionProfile> all = new ArrayList<>(load());
        all.removeIf(p -> p.name().equals(profile.name()));
        all.add(profile);
        all.sort(Comparator.comparing(ConnectionProfile::name));
        write(all);
    }

    public synchronized boolean remove(String name) {
        List<ConnectionProfile> all = new ArrayList<>(load());
        boolean removed = all.removeIf(p -> p.name().equals(name));
        if (removed) {
            write(all);
        }
        return removed;
    }

    private void write(List<ConnectionProfile> all) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "profiles", ".tmp");
            json.writeValue(tmp.toFile(), all);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save connection profiles to " + file + ": " + e.getMessage(), e);
        }
    }
}
