package pl.koordes.events.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;
import pl.koordes.events.CalendarFiles;
import pl.koordes.events.EventStatus;
import pl.koordes.shared.web.PublicAddress;

/**
 * Calendar files (RFC 5545) for one event or a subscription feed. Times are written in UTC (the "Z"
 * form), which every calendar program shows in its own zone, so the daylight-saving change in Warsaw
 * needs no time-zone block. Text is escaped and lines are folded at 75 octets as the RFC requires.
 */
@Component
public class IcsCalendar implements CalendarFiles {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final PublicAddress address;
    private final Clock clock;

    IcsCalendar(PublicAddress address, Clock clock) {
        this.address = address;
        this.clock = clock;
    }

    /** A VCALENDAR with one VEVENT per event. */
    public String calendar(List<Event> events, String name) {
        return write(
                events.stream()
                        .map(event -> new Entry(
                                "event-" + event.id(),
                                event.startsAt(),
                                event.endsAt(),
                                event.title(),
                                event.description(),
                                event.venue() == null
                                        ? null
                                        : event.address() == null
                                                ? event.venue()
                                                : event.venue() + ", " + event.address(),
                                event.href(),
                                event.status() == EventStatus.CANCELLED))
                        .toList(),
                name);
    }

    @Override
    public String file(List<Entry> entries, String name) {
        return write(entries, name);
    }

    private String write(List<Entry> entries, String name) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//KoordES//Wydarzenia//PL");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(name));
        Instant stamp = clock.instant();
        for (Entry entry : entries) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + entry.uid() + "@koordes");
            line(out, "DTSTAMP:" + UTC.format(stamp));
            line(out, "DTSTART:" + UTC.format(entry.startsAt()));
            line(out, "DTEND:" + UTC.format(entry.endsAt()));
            line(out, "SUMMARY:" + escape(entry.summary()));
            if (!entry.description().isEmpty()) {
                line(out, "DESCRIPTION:" + escape(entry.description()));
            }
            if (entry.location() != null) {
                line(out, "LOCATION:" + escape(entry.location()));
            }
            line(out, "URL:" + address.url(entry.path()));
            line(out, "STATUS:" + (entry.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** RFC 5545 3.3.11: backslash, semicolon and comma escaped, line breaks as \n, other controls dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        continue;
                    }
                    out.append("\\n");
                }
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends a content line folded at 75 octets (never inside a UTF-8 sequence or surrogate pair), ending in CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
