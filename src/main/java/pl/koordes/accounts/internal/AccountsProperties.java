package pl.koordes.accounts.internal;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Settings of accounts and signing in.
 *
 * @param bootstrapAdminEmail the administrator created on the first start of an empty database
 * @param secondFactorRequiredFor roles whose holders must use a second factor
 * @param signInFailuresPerAccount failed sign-ins allowed per e-mail within {@code lockout}
 * @param signInFailuresPerAddress failed sign-ins allowed per client address within {@code lockout}
 * @param lockout how long the failures are remembered (and so how long a lockout lasts at most)
 * @param absoluteSessionTimeout how long a session may last however active it is
 * @param invitationValidity how long an invitation link works
 * @param passwordResetValidity how long a password-reset link works
 */
@ConfigurationProperties("koordes.accounts")
public record AccountsProperties(
        String bootstrapAdminEmail,
        Set<Role> secondFactorRequiredFor,
        int signInFailuresPerAccount,
        int signInFailuresPerAddress,
        Duration lockout,
        Duration absoluteSessionTimeout,
        Duration invitationValidity,
        Duration passwordResetValidity) {

    public boolean secondFactorRequired(CurrentUser user) {
        return user.roles().stream().anyMatch(r -> secondFactorRequiredFor.contains(r.role()));
    }
}
