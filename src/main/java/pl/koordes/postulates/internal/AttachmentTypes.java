package pl.koordes.postulates.internal;

import java.io.IOException;
import java.io.InputStream;
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
 * Which files a postulate accepts as attachments (PDF, DOC, DOCX, ODT, XLS, XLSX, ODS, PNG, JPEG), decided
 * by their content with Apache Tika as the events' materials are ({@code events.internal.MaterialTypes},
 * another module's internals, hence this copy of its approach): magic bytes, and for ZIP containers
 * what the archive holds. The old binary Office formats are one OLE2 container to tika-core; the content
 * proves it is one, and only then does the name's extension say whether it is a document or a sheet.
 */
public final class AttachmentTypes {

    /** An accepted type: its MIME type, the extensions that fit it (the first is the default) and a short label. */
    public record Type(String mime, List<String> extensions, String label) {}

    static final String DOC = "application/msword";
    static final String XLS = "application/vnd.ms-excel";

    private static final Map<String, Type> ACCEPTED = Map.ofEntries(
            entry("application/pdf", "PDF", "pdf"),
            entry(DOC, "DOC", "doc"),
            entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", "docx"),
            entry(XLS, "XLS", "xls"),
            entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", "xlsx"),
            entry("application/vnd.oasis.opendocument.text", "ODT", "odt"),
            entry("application/vnd.oasis.opendocument.spreadsheet", "ODS", "ods"),
            entry("image/png", "PNG", "png"),
            entry("image/jpeg", "JPEG", "jpg", "jpeg"));

    private static final Map<String, String> OOXML_MAIN = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final int CONTENT_TYPES_LIMIT = 256 * 1024;

    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private static final int MAX_NAME = 120;

    private AttachmentTypes() {}

    private static Map.Entry<String, Type> entry(String mime, String label, String... extensions) {
        return Map.entry(mime, new Type(mime, List.of(extensions), label));
    }

    /** The accepted type of a stored file (by its MIME type), or null. */
    public static @Nullable Type of(String mime) {
        return ACCEPTED.get(mime);
    }

    /** The accepted type of the content, or null when it is none of them. */
    public static @Nullable Type detect(InputStreamSource content, @Nullable String originalName) throws IOException {
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(content.getInputStream())) {
            detected = DETECTOR.detect(in, new Metadata());
        }
        String mime = detected.getBaseType().toString();
        if (mime.equals("application/x-tika-ooxml") || mime.equals("application/zip")) {
            mime = ooxml(content);
        } else if (mime.equals("application/x-tika-msoffice")) {
            // An OLE2 compound file: the container is proven by its bytes; the extension picks which of the two.
            String extension = extension(originalName);
            mime = extension.equals("doc") ? DOC : extension.equals("xls") ? XLS : null;
        }
        return mime == null ? null : ACCEPTED.get(mime);
    }

    private static @Nullable String ooxml(InputStreamSource content) throws IOException {
        try (InputStream raw = content.getInputStream();
                ZipInputStream zip = new ZipInputStream(raw)) {
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
     * Whether the name's extension claims another accepted type than the content has (a picture sent as
     * {@code raport.pdf}): refused, so that nobody downloads something other than the name promises.
     */
    public static boolean contradicts(Type detected, @Nullable String originalName) {
        String extension = extension(originalName);
        if (extension.isEmpty() || detected.extensions().contains(extension)) {
            return false;
        }
        return ACCEPTED.values().stream().anyMatch(t -> t.extensions().contains(extension));
    }

    /**
     * The name to store and send: the last part of the path, without control, format or reserved
     * characters, at most 120 characters, ending with an extension of the type.
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
            base = "zalacznik";
        }
        int room = MAX_NAME - extension.length() - 1;
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
        }
        return base + "." + extension;
    }

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
     * The Content-Disposition header: always {@code attachment}, with an ASCII {@code filename} for old
     * clients and the exact UTF-8 name as RFC 5987 {@code filename*}.
     */
    public static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + asciiName(fileName) + "\"; filename*=UTF-8''" + rfc5987(fileName);
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
