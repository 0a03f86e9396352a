/**
 * Reliable e-mail, in-app notices and digests, fed by other modules' events. Delivers every
 * {@link pl.koordes.shared.mail.MailRequested} after its transaction commits, over SMTP or, without an
 * SMTP server, into the development mailbox ({@code /admin/poczta}); undelivered mail is retried and
 * survives restarts. Stores the notices modules publish ({@link pl.koordes.shared.notice.NoticeRequested}, one
 * of {@link pl.koordes.shared.notice.NotificationKind}), keeps each person's preferences per kind (e-mail at once,
 * daily digest, site only; {@code /konto/powiadomienia}) and sends the daily digest. Depends on: shared,
 * accounts.
 */
@ApplicationModule(
        displayName = "notifications",
        allowedDependencies = {"shared", "accounts"})
@NullMarked
package pl.koordes.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
