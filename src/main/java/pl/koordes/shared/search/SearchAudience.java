package pl.koordes.shared.search;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/**
 * Who may open an indexed thing, as tokens: the entry lists the tokens allowed to open it, the visitor
 * holds tokens, and a result is shown only where the two meet. So that nobody sees a title, an excerpt or a
 * count of what they may not open, the check is part of every search statement, never applied afterwards.
 */
public final class SearchAudience {

    /** Anyone, signed in or not. */
    public static final String PUBLIC = "PUBLIC";

    /** Any signed-in person. */
    public static final String SIGNED_IN = "SIGNED_IN";

    private SearchAudience() {}

    /** Holders of the role, whatever region it is bound to. */
    public static String role(Role role) {
        return "ROLE:" + role.name();
    }

    /**
     * Holders of a regional role for this region: those bound to it and those holding the role for the
     * whole country.
     */
    public static Set<String> role(Role role, long regionId) {
        return Set.of(regionToken(role, String.valueOf(regionId)), regionToken(role, "ANY"));
    }

    /**
     * Holders of a regional role bound to this very region, without those holding it for the whole country: for
     * pages that a nationwide holder may not open (a survey whose audience lists regions).
     */
    public static String roleBoundTo(Role role, long regionId) {
        return regionToken(role, String.valueOf(regionId));
    }

    /** One person. */
    public static String account(long accountId) {
        return "ACCOUNT:" + accountId;
    }

    /** The tokens the visitor holds (a null user is an anonymous visitor). */
    public static Set<String> of(@Nullable CurrentUser user) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add(PUBLIC);
        if (user == null) {
            return tokens;
        }
        tokens.add(SIGNED_IN);
        tokens.add(account(user.id()));
        for (RoleAssignment assignment : user.roles()) {
            tokens.add(role(assignment.role()));
            Long region = assignment.regionId();
            tokens.add(regionToken(assignment.role(), region == null ? "ANY" : String.valueOf(region)));
        }
        return tokens;
    }

    private static String regionToken(Role role, String region) {
        return "ROLE:" + role.name() + ":REGION:" + region;
    }
}
