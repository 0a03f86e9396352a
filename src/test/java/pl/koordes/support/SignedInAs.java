package pl.koordes.support;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Runs a module operation in the test's own thread as a signed-in demo person, exactly as a request
 * would hold them (the accounts module's user details), so that audit lines name them as the actor.
 */
public final class SignedInAs implements AutoCloseable {

    private SignedInAs() {}

    public static SignedInAs person(ApplicationContext context, String email) {
        UserDetails details = context.getBean(UserDetailsService.class).loadUserByUsername(email);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        return new SignedInAs();
    }

    @Override
    public void close() {
        SecurityContextHolder.clearContext();
    }
}
