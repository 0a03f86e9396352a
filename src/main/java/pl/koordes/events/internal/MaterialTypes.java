package pl.koordes.events.internal;

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
import org.springframework.core.io.InputStreamSource;

/**
 * Which uploaded files are accepted as event materials, decided by their content with Apache Tika
 * (magic bytes, and for ZIP containers what the archive holds: DOCX, XLSX, PPTX, ODT, ODS, ODP), never
 * by the name: the name is not even given to the detector, since Tika falls back to it when the bytes
 * say nothing. Also the file names as stored and sent back: no path, no control or invisible
 * characters, an extension that matches the detected type.
 */
public final class MaterialTypes {

    /** An accepted type: its MIME type, the extensions that fit it (the first is the default) and a short label. */
    public record Type(String mime, List<String> extensions, String label) {

        /** Pictures are shown in the browser; every other type is downloaded. */
        public boolean image() {
            return mime.startsWith("image/");
        }
    }

    private static final Map<String, Type> ACCEPTED = Map.ofEntries(
            entry("application/pdf", "PDF", "pdf"),
            entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", "docx"),
            entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", "xlsx"),
            entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX", "pptx"),
            entry("application/vnd.oasis.opendocument.text", "ODT", "odt"),
            entry("application/vnd.oasis.opendocument.spreadsheet", "ODS", "ods"),
            entry("application/vnd.oasis.opendocument.presentation", "ODP", "odp"),
            entry("image/png", "PNG", "png"),
            entry("image/jpeg", "JPEG", "jpg", "jpeg"),
            entry("text/plain", "TXT", "txt"),
            entry("text/csv", "CSV", "csv"));

    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private static final int MAX_NAME = 120;

    private MaterialTypes() {}

    private static Map.Entry<String, Type> entry(String mime, String label, String... extensions) {
        return Map.entry(mime, new Type(mime, List.of(extensions), label));
    }

    /** The accepted type of a stored file (by its MIME type), or null. */
    public static @Nullable Type of(String mime) {
        return ACCEPTED.get(mime);
    }

    /** The main part's content type in an OOXML package's {@code [Content_Types].xml}, by what it makes the file. */
    private static final Map<String, String> OOXML_MAIN = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    /** At most this much of {@code [Content_Types].xml} is read (real ones are a few kilobytes). */
    private static final int CONTENT_TYPES_LIMIT = 256 * 1024;

    /**
     * The accepted type of the content, or null when it is none of them. Plain text is told apart from
     * CSV by the name's extension only, both being text.
     *
     * @param content opens the content from its start; called once for Tika and, for a ZIP that Tika sees as
     *     an Office package, once more to read its list of parts
     */
    public static @Nullable Type detect(InputStreamSource content, @Nullable String originalName) throws IOException {
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(content.getInputStream())) {
            detected = DETECTOR.detect(in, new Metadata());
        }
        String mime = detected.getBaseType().toString();
        if (mime.equals("application/x-tika-ooxml") || mime.equals("application/zip")) {
            // Tika's container detector for Office files comes with its Microsoft parsers (POI and much more);
            // the package's own list of parts says the same in a few lines: which kind its main part is.
            mime = ooxml(content);
        }
        if (mime == null) {
            return null;
        }
        if (mime.equals("text/plain") && extension(originalName).equals("csv")) {
            mime = "text/csv";
        }
        return ACCEPTED.get(mime);
    }

    /** The type an Office Open XML package declares for its main part: DOCX, XLSX or PPTX, or null. */
    private static @Nullable String ooxml(InputStreamSource content) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(content.getInputStream())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.getName().equals("[Content_Types].xml")) {
                    continue;
                }
                String types = new String(zip.readNBytes(CONTENT_TYPES_LIMIT), StandardCharsets.UTF_8);
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

    /**
     * The name to store and send: the last part of the path, without control, format (bidirectional
     * overrides, zero-width) or reserved characters, at most 120 characters, ending with an extension
     * of the type ({@code raport.pdf}, or {@code raport.html.txt} for text sent as {@code raport.html}).
     */
    public static String safeName(@Nullable String originalName, Type type) {
        String name = originalName == null ? "" : originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            int kind = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                clean.append(' ');
            } else if (Character.isISOControl(c)
                    || kind == Character.FORMAT
                    || kind == Character.SURROGATE
                    || kind == Character.PRIVATE_USE
                    || kind == Character.UNASSIGNED
                    || "\"*:<>?|;%".indexOf(c) >= 0) {
                clean.append('_');
            } else {
                clean.appendCodePoint(c);
            }
        });
        String result = clean.toString().replaceAll(" {2,}", " ").strip();
        // No hidden files, no "..", no trailing dots or spaces (Windows drops them, changing the extension).
        result = result.replaceAll("^[.\\s_]+", "").replaceAll("[.\\s]+$", "");
        String extension = extension(result);
        String base = extension.isEmpty() ? result : result.substring(0, result.length() - extension.length() - 1);
        if (!type.extensions().contains(extension)) {
            base = result;
            extension = type.extensions().getFirst();
        }
        base = base.replaceAll("[.\\s]+$", "");
        if (base.isEmpty()) {
            base = "material";
        }
        int room = MAX_NAME - extension.length() - 1;
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
        }
        return base + "." + extension;
    }

    /**
     * Whether the name's extension claims another accepted type than the content has, e.g. text or a
     * picture sent as {@code raport.pdf}: refused, so that nobody downloads something other than the name
     * promises. Text and CSV count as one; a name with no or an unknown extension claims nothing.
     */
    public static boolean contradicts(Type detected, @Nullable String originalName) {
        String extension = extension(originalName);
        if (extension.isEmpty() || detected.extensions().contains(extension)) {
            return false;
        }
        boolean claimsAnother =
                ACCEPTED.values().stream().anyMatch(t -> t.extensions().contains(extension));
        boolean bothText = detected.mime().startsWith("text/") && (extension.equals("txt") || extension.equals("csv"));
        return claimsAnother && !bothText;
    }

    /** The lower-case extension of a name, or an empty string. */
    static String extension(@Nullable String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1
                ? ""
                : name.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    /**
     * The Content-Disposition header for a stored file: {@code attachment} (or {@code inline} for a
     * picture) with an ASCII {@code filename} for old clients (Polish letters without their marks,
     * anything else replaced) and the exact UTF-8 name as RFC 5987 {@code filename*}.
     */
    public static String contentDisposition(String fileName, boolean inline) {
        return (inline ? "inline" : "attachment") + "; filename=\"" + asciiName(fileName) + "\"; filename*=UTF-8''"
                + rfc5987(fileName);
    }

    static String asciiName(String name) {
        String plain = Normalizer.normalize(name.replace('ł', 'l').replace('Ł', 'L'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        StringBuilder ascii = new StringBuilder();
        for (char c : plain.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        return ascii.toString();
    }

    static String rfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
