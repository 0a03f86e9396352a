package pl.koordes.accounts.internal;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.CurrentUserPrincipal;
import pl.koordes.shared.security.CurrentUsers;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.shared.web.SignedInPerson;

/**
 * The signed-in person for Spring Security. The user name is the account id, so that a person's
 * sessions stay findable after an e-mail change.
 */
public final class AccountUserDetails
        implements UserDetails, CredentialsContainer, SignedInPerson, CurrentUserPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Every fully signed-in person has it; routes that only need "signed in" check it. */
    public static final String SIGNED_IN = CurrentUsers.SIGNED_IN;
    /** Password checked, second factor still to come: nothing but the second-factor pages is open. */
    public static final String PENDING_SECOND_FACTOR = "PENDING_SECOND_FACTOR";

    private final CurrentUser user;
    private @Nullable String passwordHash;
    private final boolean active;
    private final boolean secondFactorEnrolled;

    public AccountUserDetails(
            CurrentUser user, @Nullable String passwordHash, boolean active, boolean secondFactorEnrolled) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.active = active;
        this.secondFactorEnrolled = secondFactorEnrolled;
    }

    @Override
    public CurrentUser user() {
        return user;
    }

    @Override
    public String displayName() {
        return user.displayName();
    }

    @Override
    public boolean administrator() {
        return user.administrator();
    }

    public boolean secondFactorEnrolled() {
        return secondFactorEnrolled;
    }

    /** The authorities of a fully signed-in person: their roles and {@link #SIGNED_IN}. */
    public List<GrantedAuthority> fullAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(SIGNED_IN));
        for (RoleAssignment role : user.roles()) {
            SimpleGrantedAuthority authority =
                    new SimpleGrantedAuthority(role.role().authority());
            if (!authorities.contains(authority)) {
                authorities.add(authority);
            }
        }
        return authorities;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return fullAuthorities();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return Long.toString(user.id());
    }

    @Override
    public boolean isEnabled() {
        return active && passwordHash != null;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
