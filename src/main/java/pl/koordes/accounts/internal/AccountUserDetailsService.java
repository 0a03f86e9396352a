package pl.koordes.accounts.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.AccountStatus;
import pl.koordes.shared.text.TextInput;

/** Finds the person signing in by e-mail. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        if (TextInput.unprintable(email, false)) {
            // No account has such an address, and PostgreSQL would refuse a NUL in the query.
            throw new UsernameNotFoundException("unknown");
        }
        Accounts.Row row = accounts.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return new AccountUserDetails(
                accounts.currentUser(row), row.passwordHash(), row.status() == AccountStatus.ACTIVE, row.totpEnabled());
    }
}
