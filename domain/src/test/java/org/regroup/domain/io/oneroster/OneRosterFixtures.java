package org.regroup.domain.io.oneroster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The synthetic exports of {@code src/test/resources/oneroster/} as file maps, and ways to break them the way real
 * exports are broken (a file changed, removed or emptied), so that each fault is one line of a test.
 */
public final class OneRosterFixtures {

    /** Where the fixtures are, from this module's directory (the rest module reads them from ../domain). */
    public static final Path DIR = Path.of("src", "test", "resources", "oneroster");

    private final Map<String, byte[]> files;

    private OneRosterFixtures(Map<String, byte[]> files) {
        this.files = files;
    }

    /** {@code v1p1-bulk}, {@code v1p1-delta}, {@code v1p2-bulk}, {@code v1p2-delta}. */
    public static OneRosterFixtures load(String name) {
        return load(DIR.resolve(name));
    }

    public static OneRosterFixtures load(Path dir) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.sorted().toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OneRosterFixtures(files);
    }

    /** The file's text changed by {@code change}. */
    public OneRosterFixtures edit(String file, UnaryOperator<String> change) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        copy.put(file, change.apply(new String(files.get(file), StandardCharsets.UTF_8)).getBytes(
                StandardCharsets.UTF_8));
        return new OneRosterFixtures(copy);
    }

    public OneRosterFixtures put(String file, byte[] bytes) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        copy.put(file, bytes);
        return new OneRosterFixtures(copy);
    }

    public OneRosterFixtures without(String file) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        copy.remove(file);
        return new OneRosterFixtures(copy);
    }

    public ExportFiles export() {
        return ExportFiles.of(files);
    }

    public Map<String, byte[]> files() {
        return Map.copyOf(files);
    }

    public byte[] zip() {
        try {
            return ExportFiles.zip(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
