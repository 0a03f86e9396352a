package pl.koordes.events.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of events.
 *
 * @param pendingHold how long a visitor's seat is held while the e-mail confirmation is outstanding
 * @param reminderLead how long before the start the reminder goes out
 * @param materialMaxSize the largest file an organiser may upload as a material (the multipart limits,
 *     {@code spring.servlet.multipart.*}, must allow a little more, so a file just over it is refused
 *     with a message in the form rather than by the server)
 */
@ConfigurationProperties("koordes.events")
public record EventsProperties(
        @DefaultValue("2h") Duration pendingHold,
        @DefaultValue("24h") Duration reminderLead,
        @DefaultValue("20MB") DataSize materialMaxSize) {}
