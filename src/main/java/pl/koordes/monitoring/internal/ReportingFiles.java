package pl.koordes.monitoring.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.text.TextInput;

/**
 * The file a region attaches to a value (a report, a table, a scan): PDF, XLSX, DOCX, CSV, PNG or JPG, at
 * most 10 MB, its type decided by its content with Apache Tika (and for an Office package by the list of
 * its parts), never by its name — as the events' materials are. The name is stored without a path or
 * invisible characters, with the extension of the detected type.
 */
public final class ReportingFiles {

    /** The largest file accepted. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Map<String, String> ACCEPTED = Map.of(
            "application/pdf", "pdf",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "text/csv", "csv",
            "image/png", "png",
            "image/jpeg", "jpg");

    private static final Map<String, String> OOXML_MAIN = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private ReportingFiles() {}

    /**
     * The file as stored, or null when none was sent.
     *
     * @throws Refused beside the {@code file} field: too large, a name too long, or a type not accepted
     */
    public static ReportingValues.@Nullable FileInput read(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > MAX_BYTES) {
            throw Refused.field("file", "monitoring.reporting.file.tooLarge");
        }
        String original = file.getOriginalFilename();
        if (TextInput.fileNameTooLong(original)) {
            throw Refused.field("file", "monitoring.reporting.file.nameTooLong");
        }
        try {
            String type = detect(file, original);
            if (type == null) {
                throw Refused.field("file", "monitoring.reporting.file.type");
            }
            return new ReportingValues.FileInput(
                    safeName(original, ACCEPTED.getOrDefault(type, "bin")), type, file.getBytes());
        } catch (IOException unreadable) {
            throw Refused.field("file", "monitoring.reporting.file.type");
        }
    }

    private static @Nullable String detect(MultipartFile file, @Nullable String original) throws IOException {
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(file.getInputStream())) {
            detected = DETECTOR.detect(in, new Metadata());
        }
        String mime = detected.getBaseType().toString();
        if (mime.equals("application/x-tika-ooxml") || mime.equals("application/zip")) {
            mime = ooxml(file);
        }
        if (mime == null) {
            return null;
        }
        // CSV is text: told apart from any text by its name only.
        if (mime.equals("text/plain") && extension(original).equals("csv")) {
            mime = "text/csv";
        }
        return ACCEPTED.containsKey(mime) ? mime : null;
    }

    private static @Nullable String ooxml(MultipartFile file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(file.getInputStream())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.getName().equals("[Content_Types].xml")) {
                    continue;
                }
                String types = new String(zip.readNBytes(256 * 1024), StandardCharsets.UTF_8);
                List<String> found = OOXML_MAIN.keySet().stream()
                        .filter(main -> types.contains("ContentType=\"" + main + "\""))
                        .toList();
                return found.size() == 1 ? OOXML_MAIN.get(found.getFirst()) : null;
            }
            return null;
        } catch (ZipException broken) {
            return null;
        }
    }

    /** The last part of the path, only letters, digits and a few signs, with the type's extension. */
    static String safeName(@Nullable String original, String extension) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        StringBuilder clean = new StringBuilder();
        base.codePoints()
                .forEach(c -> clean.appendCodePoint(
                        Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ' ' ? c : '_'));
        String result = clean.toString().strip().replaceAll(" {2,}", " ");
        if (result.isEmpty() || result.chars().allMatch(c -> c == '_')) {
            result = "plik";
        }
        if (result.codePointCount(0, result.length()) > 100) {
            result = result.substring(0, result.offsetByCodePoints(0, 100));
        }
        return result + "." + extension;
    }

    private static String extension(@Nullable String name) {
        if (name == null || name.lastIndexOf('.') < 0) {
            return "";
        }
        return name.substring(name.lastIndexOf('.') + 1)
                .toLowerCase(Locale.ROOT)
                .strip();
    }
}
