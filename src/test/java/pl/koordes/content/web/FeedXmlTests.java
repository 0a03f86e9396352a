package pl.koordes.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Feed text is escaped, and characters XML 1.0 cannot carry are left out rather than breaking the feed. */
class FeedXmlTests {

    @Test
    void xmlTextIsEscapedAndLeavesOutWhatXmlCannotCarry() {
        assertThat(FeedController.xml("a<b>&\"'\u0001\uFFFE z")).isEqualTo("a&lt;b&gt;&amp;&quot;&apos; z");
        assertThat(FeedController.xml("Łódź 👨‍👩‍👦")).isEqualTo("Łódź 👨‍👩‍👦");
    }
}
