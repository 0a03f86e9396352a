package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import pl.koordes.events.MaterialSamples;

/**
 * What every module's list of types gets from the shared rules: the reasons an upload is refused, in the
 * order the forms show them, and the list's own name for a file whose name leaves nothing. (Detection and
 * names in detail: {@code events.internal.MaterialTypesTests}.)
 */
class UploadTypesTests {

    private static final UploadTypes DOCUMENTS = UploadTypes.of("dokument", UploadTypes.PDF, UploadTypes.PNG);

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static UploadTypes.Upload upload(String name, byte[] content) {
        return new UploadTypes.Upload(name, content.length, () -> new ByteArrayInputStream(content));
    }

    private static String reason(UploadTypes.Upload upload, long maxBytes) {
        try {
            DOCUMENTS.check(upload, maxBytes);
        } catch (UploadTypes.Unacceptable unacceptable) {
            return unacceptable.reason();
        }
        throw new AssertionError("accepted: " + upload.originalName());
    }

    @Test
    void anUploadIsCheckedForPresenceNameSizeTypeAndWhatItsNameClaims() throws Exception {
        assertThatThrownBy(() -> DOCUMENTS.check(null, 100))
                .isInstanceOfSatisfying(
                        UploadTypes.Unacceptable.class,
                        e -> assertThat(e.reason()).isEqualTo("required"));
        assertThat(reason(upload("a".repeat(300) + ".pdf", PDF), 100)).isEqualTo("nameTooLong");
        assertThat(reason(upload("raport.pdf", PDF), 3)).isEqualTo("tooLarge");
        assertThat(reason(upload("raport.pdf", MaterialSamples.html()), 10_000)).isEqualTo("type");
        assertThat(reason(upload("obraz.png", PDF), 100)).isEqualTo("mismatch");
        assertThat(DOCUMENTS.check(upload("raport.PDF", PDF), 100).label()).isEqualTo("PDF");
        assertThat(DOCUMENTS
                        .check(upload("raport", MaterialSamples.png()), 10_000)
                        .mime())
                .isEqualTo("image/png");
    }

    @Test
    void aTypeOutsideTheListIsNotAcceptedAndANameThatLeavesNothingTakesTheListsName() throws Exception {
        assertThat(DOCUMENTS.detect(() -> new ByteArrayInputStream(MaterialSamples.docx()), "a.docx"))
                .isNull();
        UploadTypes.Type pdf = DOCUMENTS.of("application/pdf");
        assertThat(pdf).isNotNull();
        assertThat(DOCUMENTS.safeName("../...", pdf)).isEqualTo("dokument.pdf");
        assertThat(DOCUMENTS.safeName("Stanowisko ministra.docx", pdf)).isEqualTo("Stanowisko ministra.docx.pdf");
        assertThat(UploadTypes.contentDisposition("Żółw.png", false)).startsWith("attachment; filename=\"Zolw.png\"");
    }
}
