package pl.koordes.postulates.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.text.TextInput;

/**
 * The document an institution attaches to its answer: PDF, DOCX or ODT, its type decided by its content
 * (the PDF signature; for a zip package, the list of its parts or its {@code mimetype} entry), never by its
 * name. The name is kept without a path or odd characters, with the extension of the detected type.
 */
public final class AnswerFiles {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";

    private static final Map<String, String> EXTENSIONS = Map.of(PDF, "pdf", DOCX, "docx", ODT, "odt");

    /** A document as stored. */
    public record Document(String name, String type, byte[] content) {}

    private AnswerFiles() {}

    /**
     * The document as stored, or null when none was sent.
     *
     * @throws Refused beside the {@code answerDocument} field: too large, a name too long, a type not accepted
     */
    public static @Nullable Document read(@Nullable MultipartFile file, long maxBytes) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > maxBytes) {
            throw Refused.field("answerDocument", "postulates.answers.document.tooLarge");
        }
        String original = file.getOriginalFilename();
        if (TextInput.fileNameTooLong(original)) {
            throw Refused.field("answerDocument", "postulates.answers.document.nameTooLong");
        }
        try {
            byte[] content = file.getBytes();
            String type = detect(content);
            if (type == null) {
                throw Refused.field("answerDocument", "postulates.answers.document.type");
            }
            return new Document(safeName(original, EXTENSIONS.getOrDefault(type, "bin")), type, content);
        } catch (IOException unreadable) {
            throw Refused.field("answerDocument", "postulates.answers.document.type");
        }
    }

    static @Nullable String detect(byte[] content) throws IOException {
        if (startsWith(content, "%PDF-")) {
            return PDF;
        }
        if (!startsWith(content, "PK")) {
            return null;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("mimetype")) {
                    String type = new String(zip.readNBytes(200), StandardCharsets.US_ASCII).strip();
                    return type.equals(ODT) ? ODT : null;
                }
                if (entry.getName().equals("[Content_Types].xml")) {
                    String types = new String(zip.readNBytes(256 * 1024), StandardCharsets.UTF_8);
                    return types.contains("ContentType=\"" + DOCX + ".main+xml\"") ? DOCX : null;
                }
            }
            return null;
        } catch (ZipException broken) {
            return null;
        }
    }

    private static boolean startsWith(byte[] content, String signature) {
        byte[] expected = signature.getBytes(StandardCharsets.US_ASCII);
        if (content.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (content[i] != expected[i]) {
                return false;
            }
        }
        return true;
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
            result = "odpowiedz";
        }
        if (result.codePointCount(0, result.length()) > 100) {
            result = result.substring(0, result.offsetByCodePoints(0, 100));
        }
        return result + "." + extension;
    }
}
