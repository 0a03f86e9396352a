package pl.koordes.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import pl.koordes.events.MaterialSamples;
import pl.koordes.shared.web.UploadTypes;

/** File types by content, never by name, and the names files are stored and sent under. */
class MaterialTypesTests {

    private static UploadTypes.@Nullable Type detect(byte[] data, String name) throws IOException {
        return MaterialTypes.ACCEPTED.detect(() -> new ByteArrayInputStream(data), name);
    }

    @Test
    void acceptsEveryListedTypeByItsContentWhateverTheName() throws IOException {
        assertThat(detect(MaterialSamples.pdf(), "x.bin").mime()).isEqualTo("application/pdf");
        assertThat(detect(MaterialSamples.docx(), "").label()).isEqualTo("DOCX");
        assertThat(detect(MaterialSamples.xlsx(), "raport").label()).isEqualTo("XLSX");
        assertThat(detect(MaterialSamples.pptx(), "slajdy.zip").label()).isEqualTo("PPTX");
        assertThat(detect(MaterialSamples.openDocument("application/vnd.oasis.opendocument.text"), "a")
                        .label())
                .isEqualTo("ODT");
        assertThat(detect(MaterialSamples.openDocument("application/vnd.oasis.opendocument.spreadsheet"), "a")
                        .label())
                .isEqualTo("ODS");
        assertThat(detect(MaterialSamples.openDocument("application/vnd.oasis.opendocument.presentation"), "a")
                        .label())
                .isEqualTo("ODP");
        assertThat(detect(MaterialSamples.png(), "obraz.jpg").mime()).isEqualTo("image/png");
        assertThat(detect(MaterialSamples.jpeg(), "obraz").mime()).isEqualTo("image/jpeg");
        assertThat(detect(MaterialSamples.text(), "notatki.txt").mime()).isEqualTo("text/plain");
        assertThat(detect(MaterialSamples.text(), "lista.csv").mime()).isEqualTo("text/csv");
    }

    @Test
    void refusesWhatOnlyPretendsToBeADocument() throws IOException {
        assertThat(detect(MaterialSamples.html(), "program.pdf")).isNull();
        assertThat(detect(MaterialSamples.exe(), "program.pdf")).isNull();
        assertThat(detect(MaterialSamples.svg(), "logo.png")).isNull();
        assertThat(detect(MaterialSamples.zip(), "dokument.docx")).isNull();
        assertThat(detect(new byte[0], "pusty.pdf")).isNull();
        // Accepted content under another accepted type's name is a contradiction, refused by the service.
        UploadTypes.Type text = detect(MaterialSamples.text(), "program.pdf");
        assertThat(text).isNotNull();
        assertThat(MaterialTypes.ACCEPTED.contradicts(text, "program.pdf")).isTrue();
        assertThat(MaterialTypes.ACCEPTED.contradicts(text, "lista.csv")).isFalse();
        assertThat(MaterialTypes.ACCEPTED.contradicts(detect(MaterialSamples.jpeg(), "a"), "zdjecie.JPG"))
                .isFalse();
        assertThat(MaterialTypes.ACCEPTED.contradicts(detect(MaterialSamples.png(), "a"), "zdjecie.jpeg"))
                .isTrue();
        assertThat(MaterialTypes.ACCEPTED.contradicts(text, "notatki")).isFalse();
        assertThat(MaterialTypes.ACCEPTED.contradicts(text, "strona.html")).isFalse();
    }

    @Test
    void namesLoseTheirPathControlCharactersAndGetTheExtensionOfTheirType() {
        UploadTypes.Type pdf = MaterialTypes.ACCEPTED.of("application/pdf");
        UploadTypes.Type text = MaterialTypes.ACCEPTED.of("text/plain");
        assertThat(MaterialTypes.ACCEPTED.safeName("../../etc/passwd", text)).isEqualTo("passwd.txt");
        assertThat(MaterialTypes.ACCEPTED.safeName("C:\\Users\\ala\\Program łódzki.PDF", pdf))
                .isEqualTo("Program łódzki.pdf");
        assertThat(MaterialTypes.ACCEPTED.safeName("a\"b\r\nSet-Cookie: x=y.pdf", pdf))
                .isEqualTo("a_b Set-Cookie_ x=y.pdf");
        assertThat(MaterialTypes.ACCEPTED.safeName("strona.html", text)).isEqualTo("strona.html.txt");
        assertThat(MaterialTypes.ACCEPTED.safeName("raport\u202Efdp.exe", pdf)).isEqualTo("raport_fdp.exe.pdf");
        assertThat(MaterialTypes.ACCEPTED.safeName("...", pdf)).isEqualTo("material.pdf");
        assertThat(MaterialTypes.ACCEPTED.safeName(null, pdf)).isEqualTo("material.pdf");
        assertThat(MaterialTypes.ACCEPTED.safeName(".htaccess", text)).isEqualTo("htaccess.txt");
        assertThat(MaterialTypes.ACCEPTED.safeName("ą".repeat(300) + ".pdf", pdf))
                .hasSize(120)
                .endsWith("ą.pdf");
    }

    @Test
    void everyHostileNameBecomesAHarmlessOneAndAWellFormedHeader() throws IOException {
        Path corpus = List.of(
                        Path.of("../shared/data/corpora/blns.txt"),
                        Path.of("shared/data/corpora/blns.txt"),
                        Path.of("/work/shared/data/corpora/blns.txt"))
                .stream()
                .filter(Files::exists)
                .findFirst()
                .orElseThrow();
        List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(500);
        UploadTypes.Type pdf = MaterialTypes.ACCEPTED.of("application/pdf");
        for (String line : lines) {
            String name = MaterialTypes.ACCEPTED.safeName(line + ".pdf", pdf);
            assertThat(name)
                    .as(line)
                    .endsWith(".pdf")
                    .doesNotContain("/", "\\", "\"", "\r", "\n", "\0", "%")
                    .doesNotStartWith(".")
                    .doesNotStartWith(" ");
            assertThat(name.codePoints()
                            .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT))
                    .as(line)
                    .isTrue();
            assertThat(name.codePointCount(0, name.length())).as(line).isLessThanOrEqualTo(120);
            String header = UploadTypes.contentDisposition(name, false);
            assertThat(header)
                    .as(line)
                    .matches(
                            "attachment; filename=\"[\\x20-\\x7e&&[^\"\\\\]]*\"; filename\\*=UTF-8''[A-Za-z0-9!#$&+\\-.^_`|~%]+");
        }
    }

    @Test
    void polishLettersKeepTheirShapeInFilenameStarAndLoseTheirMarksInTheFallback() {
        assertThat(UploadTypes.contentDisposition("Sprawozdanie łódzkie 2026.pdf", false))
                .isEqualTo("attachment; filename=\"Sprawozdanie lodzkie 2026.pdf\"; "
                        + "filename*=UTF-8''Sprawozdanie%20%C5%82%C3%B3dzkie%202026.pdf");
        assertThat(UploadTypes.contentDisposition("Żółw.png", true)).startsWith("inline; filename=\"Zolw.png\"");
    }
}
