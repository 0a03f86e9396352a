package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pl.koordes.shared.mail.MailKind;

/** Every mail template is classified as essential or optional, once, under a kind name of its own. */
class MailKindTests {

    private static final Path TEMPLATES = Path.of("src/main/jte");

    @Test
    void everyMailTemplateIsAKindAndEveryKindATemplate() throws IOException {
        List<String> mailTemplates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            mailTemplates = files.filter(file -> file.toString().endsWith(".jte"))
                    .filter(MailKindTests::isWholeMessage)
                    .map(file -> TEMPLATES
                            .relativize(file)
                            .toString()
                            .replace('\\', '/')
                            .replace(".jte", ""))
                    .toList();
        }
        assertThat(mailTemplates).isNotEmpty();
        assertThat(Arrays.stream(MailKind.values()).map(MailKind::template))
                .containsExactlyInAnyOrderElementsOf(mailTemplates);
    }

    @Test
    void kindNamesAreUniqueSoAQueuedMessageFindsItsKind() {
        for (MailKind kind : MailKind.values()) {
            assertThat(MailKind.ofKind(kind.kind())).contains(kind);
            assertThat(MailKind.ofTemplate(kind.template())).isEqualTo(kind);
        }
        assertThat(MailKind.ofKind("nieznany")).isEmpty();
        assertThatThrownBy(() -> MailKind.ofTemplate("events/mail/nieznany"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not classified");
    }

    private static boolean isWholeMessage(Path file) {
        try {
            return Files.readString(file).contains("@template.mail.layout(");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
