package pl.koordes.directory.internal;

import org.jspecify.annotations.Nullable;
import pl.koordes.directory.InstitutionKind;

/** An institution with its contact details; any contact field may be unknown. */
public record Institution(
        long id,
        InstitutionKind kind,
        String name,
        @Nullable String street,
        @Nullable String postalCode,
        @Nullable String city,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String website) {

    public boolean hasContact() {
        return street != null || email != null || phone != null || website != null;
    }
}
