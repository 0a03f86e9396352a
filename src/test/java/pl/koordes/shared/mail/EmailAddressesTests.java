package pl.koordes.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTests {

    @Test
    void acceptsPlainAddressesTheMailerAcceptsToo() {
        for (String address : new String[] {"anna.nowak@example.org", "a+b@sub.example.pl", "x@xn--d-5ga.example"}) {
            assertThat(EmailAddresses.valid(address)).as(address).isTrue();
            assertThat(MailAddresses.requireValid(address)).isEqualTo(address);
        }
    }

    @Test
    void refusesWhatPeopleOrServersCouldReadDifferently() {
        String tooLong = "a".repeat(EmailAddresses.MAX_LENGTH) + "@example.org";
        for (String address : new String[] {
            "",
            "anna",
            "anna@localhost",
            "Anna <anna@example.org>",
            "a@b.org, c@d.org",
            "anna@example.org\nBcc: x@y.org",
            "żaneta@example.org",
            "anna@-example.org",
            "<script>@example.org",
            tooLong
        }) {
            assertThat(EmailAddresses.valid(address)).as(address).isFalse();
        }
        assertThat(EmailAddresses.valid(null)).isFalse();
    }
}
