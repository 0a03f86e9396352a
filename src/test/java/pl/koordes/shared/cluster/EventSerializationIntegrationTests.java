package pl.koordes.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;
import pl.koordes.shared.mail.MailAttachment;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.support.IntegrationTest;

/**
 * Event publications are stored and read back by the serializer with the mapper looked up once, and a queued e-mail
 * (the largest of them, with an attachment) comes back as it went in.
 */
@IntegrationTest
class EventSerializationIntegrationTests {

    @Autowired
    EventSerializer serializer;

    @Test
    void aQueuedMailComesBackAsItWentIn() {
        assertThat(serializer).isInstanceOf(EventSerialization.KeptMapperSerializer.class);
        MailRequested mail = new MailRequested(
                UUID.randomUUID(),
                "osoba@example.org",
                null,
                "Potwierdzenie zapisu \u201eąę\u201d",
                "Treść\n\"cytat\"",
                "<p class=\"x\">Treść &amp; więcej</p>",
                "events.registration",
                Instant.parse("2026-12-07T10:15:30.123456Z"),
                List.of(new MailAttachment(
                        "wydarzenie.ics", "text/calendar", "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8))),
                null);

        Object stored = serializer.serialize(mail);
        MailRequested back = serializer.deserialize(stored, MailRequested.class);

        assertThat(back).usingRecursiveComparison().isEqualTo(mail);
        assertThat(stored.toString()).contains("\"to\":\"osoba@example.org\"");
    }
}
