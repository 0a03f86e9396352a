package pl.koordes.postulates.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.text.TextInput;
import pl.koordes.shared.web.UploadTypes;

/**
 * The document an institution attaches to its answer: PDF, DOCX or ODT, its type decided by its content, never
 * by its name, and its name kept without a path or odd characters, with the extension of the detected type, as
 * {@link UploadTypes} does for every module; a document whose own name leaves nothing is called
 * {@code odpowiedz}.
 */
public final class AnswerFiles {

    /** The accepted types of an answer's document. */
    static final UploadTypes ACCEPTED = UploadTypes.of("odpowiedz", UploadTypes.PDF, UploadTypes.DOCX, UploadTypes.ODT);

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
            UploadTypes.Type type = ACCEPTED.detect(() -> new ByteArrayInputStream(content), original);
            if (type == null) {
                throw Refused.field("answerDocument", "postulates.answers.document.type");
            }
            return new Document(ACCEPTED.safeName(original, type), type.mime(), content);
        } catch (IOException unreadable) {
            throw Refused.field("answerDocument", "postulates.answers.document.type");
        }
    }
}
