package pl.koordes.directory.internal;

import org.jspecify.annotations.Nullable;

/** A committee membership with the member's non-public contact details, for those allowed to see them. */
public record MemberWithContact(
        CommitteeMember member,
        @Nullable String email,
        @Nullable String phone) {

    public long id() {
        return member.id();
    }
}
