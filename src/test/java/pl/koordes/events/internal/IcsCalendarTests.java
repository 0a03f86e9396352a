package pl.koordes.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventStatus;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.PublicAddress;
import pl.koordes.shared.web.SiteProperties;

/** Calendar files as RFC 5545 wants them: escaped text, folded lines, UTC times right across the clock change. */
class IcsCalendarTests {

    private final IcsCalendar ics = new IcsCalendar(
            new PublicAddress(new SiteProperties(false, "https://koordes.example"), new MockEnvironment()),
            Clock.fixed(Instant.parse("2026-10-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void textIsEscapedAndLongLinesAreFoldedAtSeventyFiveOctetsWithoutSplittingALetter() {
        String title = "Spotkanie; ważne, bardzo\\ważne\nźdźbło łąka żółć ".repeat(5);
        String calendar = ics.calendar(List.of(event(title, Instant.parse("2026-11-10T09:00:00Z"))), "KoordES");

        for (String line : calendar.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\n").doesNotContain("\r");
        }
        String unfolded = calendar.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:Spotkanie\\; ważne\\, bardzo\\\\ważne\\nźdźbło łąka żółć ");
        assertThat(calendar)
                .startsWith("BEGIN:VCALENDAR\r\n")
                .endsWith("END:VCALENDAR\r\n")
                .contains("UID:event-1@koordes\r\n")
                .contains("URL:https://koordes.example/wydarzenia/1\r\n");
    }

    @Test
    void timesAreWrittenInUtcSoTheDaylightSavingChangeIsRight() {
        // 10:00 in Warsaw is 08:00 UTC in summer time (before 25.10.2026) and 09:00 UTC after the change.
        Instant summer =
                LocalDateTime.parse("2026-10-24T10:00").atZone(Formats.ZONE).toInstant();
        Instant winter =
                LocalDateTime.parse("2026-10-26T10:00").atZone(Formats.ZONE).toInstant();
        String calendar = ics.calendar(List.of(event("Lato", summer), event("Zima", winter)), "KoordES");

        assertThat(calendar).contains("DTSTART:20261024T080000Z").contains("DTSTART:20261026T090000Z");
        assertThat(event("Zima", winter).when()).isEqualTo("26.10.2026 10:00–12:00");
    }

    @Test
    void controlCharactersAreDroppedAndCrLfBecomesOneLineBreak() {
        assertThat(IcsCalendar.escape("a\u0000b\r\nc\rd")).isEqualTo("ab\\nc\\nd");
    }

    private static Event event(String title, Instant start) {
        return new Event(
                1,
                EventType.MEETING,
                EventLevel.NATIONAL,
                null,
                null,
                EventFormat.IN_PERSON,
                title,
                "",
                "Sala",
                "ul. Przykładowa 1, Kraków",
                null,
                start,
                start.plusSeconds(7200),
                10,
                0,
                null,
                null,
                null,
                Audience.ANYONE,
                Set.of(),
                EventStatus.PUBLISHED,
                "",
                "",
                List.of(),
                List.of(),
                "",
                "");
    }
}
