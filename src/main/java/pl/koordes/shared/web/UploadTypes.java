package pl.koordes.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.springframework.web.multipart.MultipartFile;
import pl.koordes.shared.text.TextInput;

/**
 * Uploaded files for every module alike: the type decided by the content, the name a file is stored and sent
 * under, and the download header. Each module keeps its own list of accepted types (an instance of this
 * class, such as {@code events.internal.MaterialTypes.ACCEPTED}); the rules are the same for all.
 *
 * <p>The type comes from Apache Tika's magic bytes ({@code tika-core}; {@code tika-parser-zip-commons} for
 * OpenDocument), never from the name: the name is not even given to the detector, since Tika falls back to
 * it when the bytes say nothing. DOCX, XLSX and PPTX are told apart by the package's own
 * {@code [Content_Types].xml} (Tika's Office detector comes with its whole Microsoft parser module). The name
 * decides only between types that the content cannot tell apart: DOC or XLS for an old binary Office file
 * (one OLE2 container to tika-core), CSV or plain text for text.
 *
 * <p>Use: make the module's list once ({@code UploadTypes.of("plik", UploadTypes.PDF, UploadTypes.DOCX)}),
 * {@link #check} an upload against it (or {@link #detect} its type), store it under
 * {@link #safeName}, send it back with {@link #contentDisposition}.
 */
public final class UploadTypes {

    /** An accepted type: its MIME type, the extensions that fit it (the first is the default) and a short label. */
    public record Type(String mime, List<String> extensions, String label) {

        /** Pictures may be shown in the browser; every other type is downloaded. */
        public boolean image() {
            return mime.startsWith("image/");
        }
    }

    /** A file as the form sent it: its name as given, its size, and its content to read (more than once). */
    public record Upload(@Nullable String originalName, long size, InputStreamSource content) {

        /** The file a form's file field sent, or null when it sent none (or an empty one). */
        public static @Nullable Upload of(@Nullable MultipartFile file) {
            return file == null || file.isEmpty() ? null : new Upload(file.getOriginalFilename(), file.getSize(), file);
        }
    }

    /**
     * Why an upload is not accepted, as the last part of the module's message key ({@code <prefix>.}{@link
     * #reason()}): {@code required} (no file or an empty one), {@code nameTooLong}, {@code tooLarge},
     * {@code type} (none of the accepted types), {@code mismatch} (the name claims another accepted type),
     * {@code unreadable}.
     */
    public static final class Unacceptable extends Exception {

        @Serial
        private static final long serialVersionUID = 1L;

        private final String reason;

        Unacceptable(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    // The types modules accept, for their lists; another one is made with type(...).
    public static final Type PDF = type("application/pdf", "PDF", "pdf");
    public static final Type DOC = type("application/msword", "DOC", "doc");
    public static final Type DOCX =
            type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", "docx");
    public static final Type XLS = type("application/vnd.ms-excel", "XLS", "xls");
    public static final Type XLSX =
            type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", "xlsx");
    public static final Type PPTX =
            type("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX", "pptx");
    public static final Type ODT = type("application/vnd.oasis.opendocument.text", "ODT", "odt");
    public static final Type ODS = type("application/vnd.oasis.opendocument.spreadsheet", "ODS", "ods");
    public static final Type ODP = type("application/vnd.oasis.opendocument.presentation", "ODP", "odp");
    public static final Type PNG = type("image/png", "PNG", "png");
    public static final Type JPEG = type("image/jpeg", "JPEG", "jpg", "jpeg");
    public static final Type TXT = type("text/plain", "TXT", "txt");
    public static final Type CSV = type("text/csv", "CSV", "csv");

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

    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private static final int MAX_NAME = 120;

    private final Map<String, Type> accepted;
    private final String fallbackName;

    private UploadTypes(Map<String, Type> accepted, String fallbackName) {
        this.accepted = accepted;
        this.fallbackName = fallbackName;
    }

    /**
     * A module's list of accepted types.
     *
     * @param fallbackName the name (without extension) of a file whose own name leaves nothing ({@code ...})
     */
    public static UploadTypes of(String fallbackName, Type... types) {
        return new UploadTypes(
                Arrays.stream(types).collect(Collectors.toUnmodifiableMap(Type::mime, Function.identity())),
                fallbackName);
    }

    /** A type for {@link #of} (where none of the constants fits): {@code type("image/gif", "GIF", "gif")}. */
    public static Type type(String mime, String label, String... extensions) {
        return new Type(mime, List.of(extensions), label);
    }

    /** The accepted type of a stored file (by its MIME type), or null. */
    public @Nullable Type of(String mime) {
        return accepted.get(mime);
    }

    /**
     * The accepted type of the upload, checked in this order: there is a file, its name is at most 255
     * characters ({@link TextInput#fileNameTooLong}), its size at most {@code maxBytes}, its content is of an
     * accepted type and its name claims no other ({@link #contradicts}).
     *
     * @throws Unacceptable with the reason the module's message names
     */
    public Type check(@Nullable Upload upload, long maxBytes) throws Unacceptable {
        if (upload == null || upload.size() <= 0) {
            throw new Unacceptable("required");
        }
        if (TextInput.fileNameTooLong(upload.originalName())) {
            throw new Unacceptable("nameTooLong");
        }
        if (upload.size() > maxBytes) {
            throw new Unacceptable("tooLarge");
        }
        Type type;
        try {
            type = detect(upload.content(), upload.originalName());
        } catch (IOException | RuntimeException e) {
            throw new Unacceptable("unreadable");
        }
        if (type == null) {
            throw new Unacceptable("type");
        }
        if (contradicts(type, upload.originalName())) {
            throw new Unacceptable("mismatch");
        }
        return type;
    }

    /**
     * The accepted type of the content, or null when it is none of them.
     *
     * @param content opens the content from its start; called once for Tika and, for a ZIP that Tika sees as
     *     an Office package, once more to read its list of parts
     * @param originalName only to tell DOC from XLS and CSV from plain text, which the content cannot
     */
    public @Nullable Type detect(InputStreamSource content, @Nullable String originalName) throws IOException {
        String mime = detectedType(content, originalName);
        return mime == null ? null : accepted.get(mime);
    }

    private static @Nullable String detectedType(InputStreamSource content, @Nullable String originalName)
            throws IOException {
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(content.getInputStream())) {
            detected = DETECTOR.detect(in, new Metadata());
        }
        String mime = detected.getBaseType().toString();
        String extension = extension(originalName);
        return switch (mime) {
            // Tika's container detector for Office files comes with its Microsoft parsers (POI and much more);
            // the package's own list of parts says the same in a few lines: which kind its main part is.
            case "application/x-tika-ooxml", "application/zip" -> ooxml(content);
            // An OLE2 compound file: the container is proven by its bytes; the extension picks which of the two.
            case "application/x-tika-msoffice" ->
                extension.equals("doc") ? DOC.mime() : extension.equals("xls") ? XLS.mime() : null;
            case "text/plain" -> extension.equals("csv") ? CSV.mime() : mime;
            default -> mime;
        };
    }

    /** The type an Office Open XML package declares for its main part: DOCX, XLSX or PPTX, or null. */
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
     * Whether the name's extension claims another accepted type than the content has, e.g. text or a
     * picture sent as {@code raport.pdf}: refused, so that nobody downloads something other than the name
     * promises. Text and CSV count as one; a name with no or an unknown extension claims nothing.
     */
    public boolean contradicts(Type detected, @Nullable String originalName) {
        String extension = extension(originalName);
        if (extension.isEmpty() || detected.extensions().contains(extension)) {
            return false;
        }
        boolean claimsAnother =
                accepted.values().stream().anyMatch(t -> t.extensions().contains(extension));
        boolean bothText = detected.mime().startsWith("text/") && (extension.equals("txt") || extension.equals("csv"));
        return claimsAnother && !bothText;
    }

    /**
     * The name to store and send: the last part of the path, without control, format (bidirectional
     * overrides, zero-width) or reserved characters, at most 120 characters, ending with an extension
     * of the type ({@code raport.pdf}, or {@code raport.html.txt} for text sent as {@code raport.html});
     * the list's fallback name when nothing is left.
     */
    public String safeName(@Nullable String originalName, Type type) {
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
            base = fallbackName;
        }
        int room = MAX_NAME - extension.length() - 1;
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
        }
        return base + "." + extension;
    }

    /** The lower-case extension of a name, or an empty string. */
    public static String extension(@Nullable String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1
                ? ""
                : name.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    /**
     * The Content-Disposition header for a stored file: {@code attachment} (or {@code inline}, for a
     * picture shown in the browser) with an ASCII {@code filename} for old clients (Polish letters without
     * their marks, anything else replaced) and the exact UTF-8 name as RFC 5987 {@code filename*}.
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
