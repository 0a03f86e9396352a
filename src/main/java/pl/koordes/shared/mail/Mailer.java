package pl.koordes.shared.mail;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
 */
@Component
public class Mailer {

    /** The name under which templates receive their {@link MailContext}. */
    public static final String CONTEXT_PARAMETER = "mail";

    private final TemplateEngine templates;
    private final Messages messages;
    private final PublicAddress address;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Mailer(
            TemplateEngine templates,
            Messages messages,
            PublicAddress address,
            ApplicationEventPublisher events,
            Clock clock) {
        this.templates = templates;
        this.messages = messages;
        this.address = address;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Renders {@code template} (a path under src/main/jte without ".jte", e.g. {@code accounts/mail/invitation})
     * for {@code to} in {@code locale}, and queues it for delivery when the current transaction commits.
     *
     * @throws IllegalArgumentException if the address is not a valid single address
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MailRequested send(String to, Locale locale, String template, Map<String, ?> model) {
        MailRequested mail = render(to, locale, template, model);
        events.publishEvent(mail);
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
        events.publishEvent(mail);
        return mail;
    }

    /** Queues a message made by {@link #render} (perhaps changed, e.g. {@link MailRequested#withReplyTo}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(MailRequested mail) {
        events.publishEvent(mail);
    }

    /** Renders a message without sending it (for previews, tests, or to adjust it before {@link #send(MailRequested)}). */
    public MailRequested render(String to, Locale locale, String template, Map<String, ?> model) {
        String recipient = MailAddresses.requireValid(to);
        if (model.containsKey(CONTEXT_PARAMETER)) {
            throw new IllegalArgumentException("The model must not define '" + CONTEXT_PARAMETER + "'");
        }
        MailContext context = new MailContext(Language.of(locale), messages, address.url());
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
                kindOf(template),
                clock.instant(),
                List.of());
    }

    private static String kindOf(String template) {
        return template.substring(template.lastIndexOf('/') + 1);
    }
}
