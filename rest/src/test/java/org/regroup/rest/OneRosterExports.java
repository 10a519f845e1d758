package org.regroup.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.regroup.domain.io.oneroster.ExportFiles;

/**
 * The synthetic OneRoster exports of {@code domain/src/test/resources/oneroster/} (see its README), zipped as a
 * client sends them, and changed in one file to break them.
 */
final class OneRosterExports {

    static final Path DIR = Path.of("..", "domain", "src", "test", "resources", "oneroster");

    private final Map<String, byte[]> files;

    private OneRosterExports(Map<String, byte[]> files) {
        this.files = files;
    }

    static OneRosterExports load(String name) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(DIR.resolve(name))) {
            for (Path f : list.sorted().toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OneRosterExports(files);
    }

    OneRosterExports edit(String file, UnaryOperator<String> change) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        copy.put(file, change.apply(new String(files.get(file), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        return new OneRosterExports(copy);
    }

    byte[] zip() {
        try {
            return ExportFiles.zip(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
