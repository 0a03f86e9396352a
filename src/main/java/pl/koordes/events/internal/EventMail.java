package pl.koordes.events.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.MailAttachment;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.mail.Mailer;

/**
 * The events' e-mails, always sent inside the transaction that decided them (so they are queued only
 * if it commits and delivered even after a crash). Every message names the event and links to its page
 * and its {@code .ics}; the messages that give a seat also carry the {@code .ics} itself, so the event goes
 * into the calendar in one click, without visiting the site.
 */
@Component
class EventMail {

    /** The templates that tell someone they have a seat: the ones worth a calendar entry. */
    static final Set<String> WITH_CALENDAR = Set.of("events/mail/registrationConfirmed", "events/mail/promoted");

    static final String CALENDAR_FILE = "wydarzenie.ics";

    /** The confirmation link's path, followed by the token. */
    static final String CONFIRM_PATH = "/wydarzenia/zapis/potwierdz?token=";
    // method=PUBLISH matches the file's METHOD: the event is announced, not an invitation to answer.
    static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    /**
     * At most this many registration e-mails are kept rendered (per event, language and template); when full, the
     * store is emptied (an edited event is a new key, its old e-mails simply stop being used).
     */
    private static final int RENDERED_KEPT = 256;

    /** Where a registration's own tokens go in an e-mail rendered once for everyone: as random as the tokens. */
    private static final String CANCEL_PLACEHOLDER = RegistrationTokens.issue();

    private static final String CONFIRM_PLACEHOLDER = RegistrationTokens.issue();

    private final Mailer mailer;
    private final JdbcClient jdbc;
    private final IcsCalendar ics;
    private final Map<Rendered, MailRequested> rendered = new ConcurrentHashMap<>();

    /** What a registration e-mail depends on besides its recipient and tokens. */
    private record Rendered(
            Event event,
            String language,
            String template,
            boolean cancel,
            boolean confirm,
            Map<String, Object> extra) {}

    EventMail(Mailer mailer, JdbcClient jdbc, IcsCalendar ics) {
        this.mailer = mailer;
        this.jdbc = jdbc;
        this.ics = ics;
    }

    void send(
            Event event,
            String to,
            String language,
            String template,
            @Nullable String cancelToken,
            Map<String, Object> extra) {
        mailer.send(render(event, to, language, template, cancelToken, extra));
    }

    /** Renders a message without queueing it: rendering is the costly part, so it can happen before a lock is taken. */
    MailRequested render(
            Event event,
            String to,
            String language,
            String template,
            @Nullable String cancelToken,
            Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("event", event);
        model.put("cancelPath", cancelToken == null ? null : "/wydarzenia/rezygnacja?token=" + cancelToken);
        MailRequested message = mailer.render(to, locale(language), template, model);
        if (!WITH_CALENDAR.contains(template)) {
            return message;
        }
        byte[] calendar = ics.calendar(List.of(event), event.title()).getBytes(StandardCharsets.UTF_8);
        return message.withAttachments(List.of(new MailAttachment(CALENDAR_FILE, CALENDAR_TYPE, calendar)));
    }

    /**
     * A registration's e-mail (as {@link #render}, with the confirmation link when {@code confirmToken} is given): the
     * template is rendered once per event, language, template and {@code extra}, and copied for each registration with
     * its own tokens put in (the registration e-mails name nothing of the person but the links).
     */
    MailRequested renderForRegistration(
            Event event,
            String to,
            String language,
            String template,
            @Nullable String cancelToken,
            @Nullable String confirmToken,
            Map<String, Object> extra) {
        Rendered key = new Rendered(event, language, template, cancelToken != null, confirmToken != null, extra);
        MailRequested once = rendered.get(key);
        if (once == null) {
            if (rendered.size() >= RENDERED_KEPT) {
                rendered.clear();
            }
            Map<String, Object> model = new HashMap<>(extra);
            if (confirmToken != null) {
                model.put("confirmPath", CONFIRM_PATH + CONFIRM_PLACEHOLDER);
            }
            once = render(event, to, language, template, cancelToken == null ? null : CANCEL_PLACEHOLDER, model);
            rendered.put(key, once);
        }
        Map<String, String> tokens = new HashMap<>(2);
        if (cancelToken != null) {
            tokens.put(CANCEL_PLACEHOLDER, cancelToken);
        }
        if (confirmToken != null) {
            tokens.put(CONFIRM_PLACEHOLDER, confirmToken);
        }
        return mailer.copyFor(once, to, tokens);
    }

    /** Queues a message made by {@link #render}, in the caller's transaction. */
    void send(MailRequested message) {
        mailer.send(message);
    }

    /** The same message to every live registration (confirmed, waiting, awaiting confirmation). */
    void toEveryoneRegistered(Event event, String template) {
        toEveryoneRegistered(event, template, Map.of());
    }

    /** The same, with more values for the template. */
    void toEveryoneRegistered(Event event, String template, Map<String, Object> extra) {
        jdbc.sql("""
                        select email, language, status from event_registration
                        where event_id = :id and status in ('PENDING','UNCONFIRMED','CONFIRMED','WAITING') order by id
                        """).param("id", event.id()).query(rs -> {
            send(
                    event,
                    rs.getString("email"),
                    rs.getString("language"),
                    template,
                    null,
                    withConfirmed(extra, "CONFIRMED".equals(rs.getString("status"))));
        });
    }

    private static Map<String, Object> withConfirmed(Map<String, Object> extra, boolean confirmed) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("confirmed", confirmed);
        return model;
    }

    static Locale locale(String language) {
        return Language.fromCode(language).locale();
    }
}
