package pl.koordes.events.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.mail.MailRequested;

/**
 * Tokens and the e-mail a registration sends: one if it gets a seat, another if it does not. The one that the event's
 * last decision makes likely is rendered before the event's turn; the other only if the decision under the lock turns
 * out otherwise (in a rush, the registrations at the moment the seats or the holds run out). Rendering is most of the
 * work before the turn, so rendering one e-mail instead of two matters.
 */
final class PreparedMail {

    private final EventMail mail;
    private final EventsProperties settings;
    private final Event event;
    private final String email;
    private final String language;
    private final String cancelToken;
    private final @Nullable String confirmToken;
    private final boolean predicted;
    private final MailRequested likely;

    /**
     * @param confirmToken the visitor's confirmation token; null for a signed-in person, whose registration is
     *     decided at once
     * @param withSeat whether the registration will most likely get a seat: that e-mail is rendered now
     */
    PreparedMail(
            EventMail mail,
            EventsProperties settings,
            Event event,
            String email,
            String language,
            String cancelToken,
            @Nullable String confirmToken,
            boolean withSeat) {
        this.mail = mail;
        this.settings = settings;
        this.event = event;
        this.email = email;
        this.language = language;
        this.cancelToken = cancelToken;
        this.confirmToken = confirmToken;
        this.predicted = withSeat;
        this.likely = render(withSeat);
    }

    String cancelToken() {
        return cancelToken;
    }

    @Nullable
    String confirmToken() {
        return confirmToken;
    }

    /** The e-mail for the decision taken: the one rendered early, or the other rendered now. */
    MailRequested mail(boolean withSeat) {
        return withSeat == predicted ? likely : render(withSeat);
    }

    private MailRequested render(boolean withSeat) {
        if (confirmToken == null) {
            return mail.renderForRegistration(
                    event,
                    email,
                    language,
                    withSeat ? "events/mail/registrationConfirmed" : "events/mail/waitingList",
                    cancelToken,
                    null,
                    Map.of());
        }
        return mail.renderForRegistration(
                event,
                email,
                language,
                "events/mail/confirmRegistration",
                null,
                confirmToken,
                Map.of(
                        "minutes",
                        Math.max(1, settings.pendingHold().toMinutes()),
                        "hours",
                        Math.max(1, settings.confirmationWindow().toHours()),
                        "seatHeld",
                        withSeat));
    }
}
