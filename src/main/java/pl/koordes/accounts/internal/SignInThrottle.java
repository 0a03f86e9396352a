package pl.koordes.accounts.internal;

import org.springframework.stereotype.Component;
import pl.koordes.shared.web.RateLimiter;
import pl.koordes.shared.web.RateLimiter.Limit;

/**
 * Slows down password guessing: a few failures per e-mail (known or not, so the answer reveals
 * nothing) and more per client address lock further attempts for a while.
 */
@Component
public class SignInThrottle {

    private final RateLimiter limiter;
    private final Limit perAccount;
    private final Limit perAddress;

    SignInThrottle(RateLimiter limiter, AccountsProperties properties) {
        this.limiter = limiter;
        this.perAccount = new Limit("sign-in-account", properties.signInFailuresPerAccount(), properties.lockout());
        this.perAddress = new Limit("sign-in-address", properties.signInFailuresPerAddress(), properties.lockout());
    }

    public boolean locked(String email, String address) {
        return !limiter.allows(perAccount, Accounts.normalize(email)) || !limiter.allows(perAddress, address);
    }

    public void failed(String email, String address) {
        limiter.tryConsume(perAccount, Accounts.normalize(email));
        limiter.tryConsume(perAddress, address);
    }

    public void succeeded(String email) {
        limiter.reset(perAccount, Accounts.normalize(email));
    }
}
