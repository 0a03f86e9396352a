package pl.koordes.monitoring.internal;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.text.TextInput;
import pl.koordes.shared.web.UploadTypes;

/**
 * The file a region attaches to a value (a report, a table, a scan): PDF, XLSX, DOCX, CSV, PNG or JPG, at
 * most 10 MB, its type decided by its content, never by its name, and its name stored without a path or
 * invisible characters, with the extension of the detected type, as {@link UploadTypes} does for every module;
 * a file whose own name leaves nothing is called {@code plik}.
 */
public final class ReportingFiles {

    /** The largest file accepted. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** The accepted types of a value's file. */
    static final UploadTypes ACCEPTED = UploadTypes.of(
            "plik",
            UploadTypes.PDF,
            UploadTypes.XLSX,
            UploadTypes.DOCX,
            UploadTypes.CSV,
            UploadTypes.PNG,
            UploadTypes.JPEG);

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
            UploadTypes.Type type = ACCEPTED.detect(file, original);
            if (type == null) {
                throw Refused.field("file", "monitoring.reporting.file.type");
            }
            return new ReportingValues.FileInput(ACCEPTED.safeName(original, type), type.mime(), file.getBytes());
        } catch (IOException unreadable) {
            throw Refused.field("file", "monitoring.reporting.file.type");
        }
    }
}
