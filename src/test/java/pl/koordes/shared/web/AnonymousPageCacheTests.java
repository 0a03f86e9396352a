package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a cached page is cut at the CSRF token so every visitor's own token can go in its place. */
class AnonymousPageCacheTests {

    @Test
    void aPageIsCutAtEveryPlaceTheTokenStood() {
        assertThat(texts(AnonymousPageCache.split(bytes("<a>TOKEN<b>TOKEN<c>"), bytes("TOKEN"))))
                .containsExactly("<a>", "<b>", "<c>");
        assertThat(texts(AnonymousPageCache.split(bytes("TOKEN middle TOKEN"), bytes("TOKEN"))))
                .containsExactly("", " middle ", "");
        assertThat(texts(AnonymousPageCache.split(bytes("TOKENTOKEN"), bytes("TOKEN"))))
                .containsExactly("", "", "");
    }

    @Test
    void aPageWithoutATokenIsOnePart() {
        assertThat(texts(AnonymousPageCache.split(bytes("<p>no form</p>"), bytes("TOKEN")))).containsExactly("<p>no form</p>");
        assertThat(texts(AnonymousPageCache.split(bytes("<p>no form</p>"), null))).containsExactly("<p>no form</p>");
        assertThat(texts(AnonymousPageCache.split(bytes("TOKE"), bytes("TOKEN")))).containsExactly("TOKE");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<byte[]> parts) {
        return parts.stream().map(part -> new String(part, StandardCharsets.UTF_8)).toList();
    }
}
