package pl.koordes.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of events.
 *
 * @param pendingHold how long a visitor's seat is held while the e-mail confirmation is outstanding
 * @param reminderLead how long before the start the reminder goes out
 */
@ConfigurationProperties("koordes.events")
public record EventsProperties(@DefaultValue("2h") Duration pendingHold, @DefaultValue("24h") Duration reminderLead) {
}
