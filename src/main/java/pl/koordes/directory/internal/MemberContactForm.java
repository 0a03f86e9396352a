package pl.koordes.directory.internal;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a committee member: not public; the region's coordinators and administrators see it.
 * Both fields optional.
 */
public record MemberContactForm(
        @ContactRules.Email @Nullable String email,
        @ContactRules.Phone @Nullable String phone) {

    public static final MemberContactForm NONE = new MemberContactForm(null, null);
}
