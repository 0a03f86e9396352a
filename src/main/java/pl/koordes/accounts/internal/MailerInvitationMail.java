package pl.koordes.accounts.internal;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.outcome.Refused;

/**
 * The invitation e-mail in the invitee's language, handed to the mail module (template mail/invitation),
 * which delivers it after the transaction commits.
 */
@Component
class MailerInvitationMail implements InvitationMail {

    static final String TEMPLATE = "mail/invitation";

    private final Mailer mailer;
    private final Messages messages;
    private final Directory directory;

    MailerInvitationMail(Mailer mailer, Messages messages, Directory directory) {
        this.mailer = mailer;
        this.messages = messages;
        this.directory = directory;
    }

    @Override
    public void send(Invitation invitation) {
        Locale locale = Language.fromCode(invitation.language()).locale();
        Map<Long, Region> regions = invitation.roles().stream().anyMatch(r -> r.regionId() != null)
                ? directory.regions().stream().collect(Collectors.toMap(Region::id, r -> r))
                : Map.of();
        String roles = invitation.roles().stream()
                .map(role -> {
                    String name = messages.get(locale, "role." + role.role().name());
                    Region region = role.regionId() == null ? null : regions.get(role.regionId());
                    return region == null
                            ? name
                            : messages.get(locale, "admin.roleInRegion", name, region.name(locale));
                })
                .collect(Collectors.joining(", "));
        try {
            mailer.send(
                    invitation.email(),
                    locale,
                    TEMPLATE,
                    Map.of(
                            "name", invitation.displayName(),
                            "invitedBy", invitation.invitedBy(),
                            "roles", roles,
                            "path", invitation.path(),
                            "validUntil", Formats.dateTime(invitation.validUntil())));
        } catch (IllegalArgumentException undeliverable) {
            // The mail module's address check is stricter than the form's in places (e.g. non-ASCII
            // local parts); refusing here rolls the whole invitation back.
            throw Refused.field("email", "admin.invite.email.invalid");
        }
    }
}
