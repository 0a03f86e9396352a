package pl.koordes.shared.mail;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.web.PublicAddress;

/**
 * Sends e-mail from any module: renders a jte mail template in the recipient's language (HTML,
 * with the plain-text part derived from it) and publishes {@link MailRequested} in the caller's
 * transaction. Nothing is sent if that transaction rolls back; once it commits, the message is
 * delivered even if the application stops before the delivery (the event publication registry keeps it).
 *
 * <p>A template takes {@code @param MailContext mail} plus the model's entries, and wraps its body in
 * the layout, which takes the subject: see {@code src/main/jte/notifications/mail/check.jte}.
 *
 * <p>Every template is a {@link MailKind}, essential or optional; an optional one addressed to an account
 * that chose the daily digest or the application only for its kind of notification ({@link MailPreferences})
 * is not queued at all (the module's notice, published beside it, is what reaches the person).
 */
@Component
public class Mailer {

    /** The name under which templates receive their {@link MailContext}. */
    public static final String CONTEXT_PARAMETER = "mail";

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final TemplateEngine templates;
    private final Messages messages;
    private final PublicAddress address;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<MailPreferences> preferences;

    public Mailer(
            TemplateEngine templates,
            Messages messages,
            PublicAddress address,
            ApplicationEventPublisher events,
            Clock clock,
            ObjectProvider<MailPreferences> preferences) {
        this.templates = templates;
        this.messages = messages;
        this.address = address;
        this.events = events;
        this.clock = clock;
        this.preferences = preferences;
    }

    /**
     * Renders {@code template} (a path under src/main/jte without ".jte", e.g. {@code accounts/mail/invitation})
     * for {@code to} in {@code locale}, and queues it for delivery when the current transaction commits
     * (unless its kind is optional and {@code to} is an account that does not want it by e-mail at once).
     *
     * @throws IllegalArgumentException if the address is not a valid single address
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MailRequested send(String to, Locale locale, String template, Map<String, ?> model) {
        MailRequested mail = render(to, locale, template, model);
        send(mail);
        return mail;
    }

    /**
     * As {@link #send(String, Locale, String, Map)}, with {@code attachments} (together at most
     * {@link MailRequested#MAX_ATTACHMENT_BYTES}, larger ones are refused with IllegalArgumentException).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MailRequested send(
            String to, Locale locale, String template, Map<String, ?> model, List<MailAttachment> attachments) {
        MailRequested mail = render(to, locale, template, model).withAttachments(attachments);
        send(mail);
        return mail;
    }

    /**
     * Queues a message made by {@link #render} (perhaps changed, e.g. {@link MailRequested#withReplyTo}),
     * unless its kind is optional and the recipient is an account that does not want it by e-mail at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(MailRequested mail) {
        if (!wanted(mail)) {
            log.info(
                    "Mail {} ({}) not sent now: the recipient's account chose the digest or the application for it",
                    mail.id(),
                    mail.kind());
            return;
        }
        events.publishEvent(mail);
    }

    /** Whether the recipient gets {@code mail}: always for an essential kind, for an optional one as they chose. */
    private boolean wanted(MailRequested mail) {
        MailKind kind = MailKind.ofKind(mail.kind()).orElse(null);
        if (kind == null || !kind.optional()) {
            return true;
        }
        MailPreferences chosen = preferences.getIfAvailable();
        return chosen == null || chosen.wantsNow(mail.to(), kind);
    }

    /**
     * A message rendered once, again for another recipient: a new id and time, {@code to} checked as a recipient, and in
     * the subject and both bodies each key of {@code replacements} replaced by its value. For a caller that sends the
     * same e-mail to many people with a few texts of their own (a registration's links): it renders the template once
     * with a placeholder for each of those texts and copies it per person, instead of rendering it per person. Each
     * placeholder and value must read the same in HTML and in plain text (e.g. URL-safe tokens), and appear nowhere else.
     *
     * @throws IllegalArgumentException for an optional kind (its unsubscribe address is the recipient's own) or an
     *     invalid address
     */
    public MailRequested copyFor(MailRequested rendered, String to, Map<String, String> replacements) {
        MailKind kind = MailKind.ofKind(rendered.kind()).orElse(null);
        if (kind != null && kind.optional()) {
            throw new IllegalArgumentException("An optional kind of mail is rendered per recipient: " + kind);
        }
        String subject = rendered.subject();
        String text = rendered.textBody();
        String html = rendered.htmlBody();
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            subject = subject.replace(replacement.getKey(), replacement.getValue());
            text = text.replace(replacement.getKey(), replacement.getValue());
            html = html.replace(replacement.getKey(), replacement.getValue());
        }
        return new MailRequested(
                UUID.randomUUID(),
                MailAddresses.requireValid(to),
                rendered.replyTo(),
                subject,
                text,
                html,
                rendered.kind(),
                clock.instant(),
                rendered.attachments(),
                null);
    }

    /** Renders a message without sending it (for previews, tests, or to adjust it before {@link #send(MailRequested)}). */
    public MailRequested render(String to, Locale locale, String template, Map<String, ?> model) {
        String recipient = MailAddresses.requireValid(to);
        MailKind kind = MailKind.ofTemplate(template);
        if (model.containsKey(CONTEXT_PARAMETER)) {
            throw new IllegalArgumentException("The model must not define '" + CONTEXT_PARAMETER + "'");
        }
        MailPreferences chosen = kind.optional() ? preferences.getIfAvailable() : null;
        String unsubscribe = chosen == null
                ? null
                : chosen.unsubscribePath(recipient, kind).map(address::url).orElse(null);
        MailContext context = new MailContext(Language.of(locale), messages, address.url(), unsubscribe);
        Map<String, Object> parameters = new HashMap<>(model);
        parameters.put(CONTEXT_PARAMETER, context);
        StringOutput html = new StringOutput();
        templates.render(template + ".jte", parameters, html);
        String subject = context.subject();
        if (subject == null || subject.isEmpty()) {
            throw new IllegalStateException("Mail template " + template + " must use mail/layout with a subject");
        }
        String htmlBody = html.toString().strip();
        return new MailRequested(
                UUID.randomUUID(),
                recipient,
                null,
                subject,
                MailText.fromHtml(htmlBody),
                htmlBody,
                kind.kind(),
                clock.instant(),
                List.of(),
                unsubscribe);
    }
}
