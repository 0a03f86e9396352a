package pl.koordes.shared.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person signed in on this request, if any. Only a fully signed-in person counts: someone who
 * gave the password but not yet the second factor is still a visitor to every module.
 */
public final class CurrentUsers {

    /** The authority every fully signed-in person holds; routes that only need "signed in" check it. */
    public static final String SIGNED_IN = "ROLE_USER";

    private CurrentUsers() {}

    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof CurrentUserPrincipal principal
                && authentication.getAuthorities().stream().anyMatch(a -> SIGNED_IN.equals(a.getAuthority()))) {
            return Optional.of(principal.user());
        }
        return Optional.empty();
    }
}
