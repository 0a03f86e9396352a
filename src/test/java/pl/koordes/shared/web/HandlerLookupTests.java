package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The request the handler look-up asks: it answers as the real one, and what the look-up writes reaches the real one
 * (the dispatcher reads the matched pattern and the address's variables from it afterwards).
 */
class HandlerLookupTests {

    @Test
    void answersAsTheRealRequestAndWritesThroughToIt() {
        MockHttpServletRequest real = new MockHttpServletRequest("POST", "/aktualnosci/nowy/komentarze");
        real.addHeader("Accept", "text/html");
        real.setAttribute("before", "jest");
        HandlerLookup.RememberingRequest asked = new HandlerLookup.RememberingRequest(real);

        assertThat(asked.getMethod()).isEqualTo("POST");
        assertThat(asked.getHeader("Accept")).isEqualTo("text/html");
        assertThat(asked.getHeader("Origin")).isNull();
        assertThat(asked.getAttribute("before")).isEqualTo("jest");
        assertThat(asked.getAttribute("pattern")).isNull();

        asked.setAttribute("pattern", "/aktualnosci/{slug}/komentarze");
        asked.removeAttribute("before");

        assertThat(asked.getAttribute("pattern")).isEqualTo("/aktualnosci/{slug}/komentarze");
        assertThat(real.getAttribute("pattern")).isEqualTo("/aktualnosci/{slug}/komentarze");
        assertThat(asked.getAttribute("before")).isNull();
        assertThat(real.getAttribute("before")).isNull();
    }
}
