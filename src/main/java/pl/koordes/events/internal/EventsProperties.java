package pl.koordes.events.internal;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of events.
 *
 * @param pendingHold how long a visitor's seat is held while the e-mail confirmation is outstanding (briefly:
 *     a held seat is one nobody else can take)
 * @param confirmationWindow how long a visitor's confirmation link works; after the hold it still gives a seat
 *     if one is free, or the waiting list
 * @param pendingHoldShare the part of an event's seats that unconfirmed visitors may hold at once
 * @param pendingHoldsPerDomain how many seats of one event addresses of one e-mail domain may hold unconfirmed
 * @param reminderLead how long before the start the reminder goes out
 * @param registrationRetention how long after an event its registrations keep who they were (the period the
 *     registration form states)
 * @param materialMaxSize the largest file an organiser may upload as a material (the multipart limits,
 *     {@code spring.servlet.multipart.*}, must allow a little more, so a file just over it is refused
 *     with a message in the form rather than by the server)
 * @param signInSheet what the printable sign-in sheet carries besides the event and its participants
 */
@ConfigurationProperties("koordes.events")
public record EventsProperties(
        @DefaultValue("15m") Duration pendingHold,
        @DefaultValue("24h") Duration confirmationWindow,
        @DefaultValue("0.2") double pendingHoldShare,
        @DefaultValue("3") int pendingHoldsPerDomain,
        @DefaultValue("24h") Duration reminderLead,
        @DefaultValue("20MB") DataSize materialMaxSize,
        @DefaultValue("5y") Period registrationRetention,
        @DefaultValue SignInSheet signInSheet) {

    /**
     * The sign-in sheet's project marks, as Polish project attendance lists carry them.
     *
     * @param coFinancing the co-financing note at the foot of every page; when blank, the default of the
     *     events messages ({@code events.sheet.coFinancing}, the European Social Fund Plus)
     * @param logos the patrons' and funders' logos printed at the top, as resource locations
     *     ({@code classpath:…}, {@code file:…}) of PNG or JPEG pictures; none by default
     */
    public record SignInSheet(
            @DefaultValue("") String coFinancing,
            @DefaultValue List<String> logos) {}
}
