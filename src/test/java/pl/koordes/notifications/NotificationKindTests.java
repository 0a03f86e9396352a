package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pl.koordes.shared.mail.MailKind;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.notice.NotificationKind;

/** The one list of notification kinds: every optional e-mail but the digest is one, each has a label in both languages. */
class NotificationKindTests {

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void everyOptionalMailBelongsToANotificationKind(MailKind mail) {
        // The digest is optional too, but it carries the kinds rather than being one: its own switch
        // (notifications_setting.digest_enabled) turns it off.
        if (mail.optional() && mail != MailKind.DIGEST) {
            assertThat(NotificationKind.ofMail(mail)).as("%s", mail).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindHasAPolishAndAnEnglishLabel(NotificationKind kind) throws Exception {
        for (String bundle : new String[] {"notifications", "notifications_en"}) {
            Properties properties = new Properties();
            try (var in = getClass().getResourceAsStream("/i18n/" + bundle + ".properties")) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(properties.getProperty(kind.labelKey()))
                    .as("%s in %s", kind, bundle)
                    .isNotBlank();
            assertThat(properties.getProperty(
                            "notifications.group." + kind.group().name()))
                    .isNotBlank();
        }
        assertThat(NotificationKind.ofKey(kind.key())).contains(kind);
        assertThat(kind.key()).matches("[a-z]+(-[a-z]+)*").hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void aNoticeOfAKindNotListedIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> NoticeRequested.of(1, "no-such-kind", "tekst", "/", java.time.Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void essentialKindsAreThoseWhoseMailIsAllEssential() {
        assertThat(Arrays.stream(NotificationKind.values()).filter(NotificationKind::essential))
                .allSatisfy(kind -> assertThat(kind.mails()).noneMatch(MailKind::optional))
                .contains(NotificationKind.EVENT_CHANGED, NotificationKind.POSTULATE_FORWARDED);
        assertThat(NotificationKind.COMMENT_AWAITING.essential()).isFalse();
    }
}
