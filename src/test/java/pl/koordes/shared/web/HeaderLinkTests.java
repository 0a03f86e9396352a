package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pl.koordes.shared.security.CurrentUser;

class HeaderLinkTests {

    private final CurrentUser anna = new CurrentUser(7, "anna@test.koordes.example", "Anna", List.of(), "pl");
    private final CurrentUser piotr = new CurrentUser(8, "piotr@test.koordes.example", "Piotr", List.of(), "pl");

    @Test
    void showsTheLinkOnlyToWhomTheCheckAllows() {
        HeaderLink link = HeaderLink.to("/redakcja", "content.editor.link", 40, user -> user.id() == 7);
        assertThat(link.link(anna)).contains(new Page.NavigationItem("/redakcja", "content.editor.link"));
        assertThat(link.link(piotr)).isEmpty();
        assertThat(link.order()).isEqualTo(40);
    }
}
