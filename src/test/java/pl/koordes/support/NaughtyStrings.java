package pl.koordes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Big List of Naughty Strings (/work/shared/data/corpora/blns.txt) for the hostile-input tests of every
 * module, read in one place. Where the list is not found (a checkout without the shared folder) the tests
 * still run with their own payloads.
 */
public final class NaughtyStrings {

    private static final List<Path> CORPUS = List.of(
            Path.of("../shared/data/corpora/blns.txt"),
            Path.of("../../shared/data/corpora/blns.txt"),
            Path.of("shared/data/corpora/blns.txt"),
            Path.of("/work/shared/data/corpora/blns.txt"));

    private NaughtyStrings() {}

    /** The list's strings, without its comment lines and blank lines; empty where the list is not found. */
    public static List<String> corpus() {
        for (Path path : CORPUS) {
            if (Files.isReadable(path)) {
                try (Stream<String> lines = Files.lines(path, StandardCharsets.UTF_8)) {
                    return lines.filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return List.of();
    }

    /** The list's strings followed by a test's own payloads. */
    public static List<String> corpusAnd(List<String> payloads) {
        List<String> strings = new ArrayList<>(corpus());
        strings.addAll(payloads);
        return strings;
    }

    /** A test's own payloads followed by the list's strings. */
    public static List<String> payloadsAnd(List<String> payloads) {
        List<String> strings = new ArrayList<>(payloads);
        strings.addAll(corpus());
        return strings;
    }
}
