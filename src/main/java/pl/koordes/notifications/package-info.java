/**
 * Reliable e-mail, in-app notices and digests, fed by other modules' events. Delivers every
 * {@link pl.koordes.shared.mail.MailRequested} after its transaction commits, over SMTP or, without an
 * SMTP server, into the development mailbox ({@code /admin/poczta}); undelivered mail is retried and
 * survives restarts. Depends on: shared, accounts.
 */
@ApplicationModule(
        displayName = "notifications",
        allowedDependencies = {"shared", "accounts"})
@NullMarked
package pl.koordes.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
