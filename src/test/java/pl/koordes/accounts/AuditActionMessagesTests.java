package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every action of every module's {@code AuditAction} enum has its name on the audit page in both
 * languages ({@code admin.audit.action.<ACTION>}), so that no line shows a bare code.
 */
class AuditActionMessagesTests {

    @Test
    void everyAuditActionHasAPolishAndAnEnglishName() throws IOException {
        Properties polish = new Properties();
        Properties english = new Properties();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String name = bundle.getFilename();
            if (name == null) {
                continue;
            }
            try (InputStream in = bundle.getInputStream()) {
                (name.endsWith("_en.properties") ? english : polish)
                        .load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        List<String> keys = AuditActions.all().keySet().stream()
                .map(action -> "admin.audit.action." + action)
                .toList();
        assertThat(keys).as("audit actions found").hasSizeGreaterThan(50);
        assertThat(keys.stream().filter(key -> !polish.containsKey(key)).toList())
                .as("audit actions without a Polish name")
                .isEmpty();
        assertThat(keys.stream().filter(key -> !english.containsKey(key)).toList())
                .as("audit actions without an English name")
                .isEmpty();
    }
}
