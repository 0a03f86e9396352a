package pl.koordes.accounts.internal;

import java.time.Instant;
import java.util.List;
import pl.koordes.shared.security.RoleAssignment;

/** Sends the e-mail that invites a person to set their password; the mail module does the delivery. */
public interface InvitationMail {

    void send(Invitation invitation);

    /**
     * What the invitation e-mail says.
     *
     * @param language the invitee's language, {@code pl} or {@code en}
     * @param path the address, on this site, where the invitee sets their password
     * @param validUntil when the link stops working
     * @param invitedBy the name of the administrator who sent the invitation
     * @param roles the roles granted, for the e-mail to name
     */
    record Invitation(
            long accountId,
            String email,
            String displayName,
            String language,
            String path,
            Instant validUntil,
            String invitedBy,
            List<RoleAssignment> roles) {}
}
