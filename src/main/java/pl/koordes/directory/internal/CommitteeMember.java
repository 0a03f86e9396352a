package pl.koordes.directory.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A person's membership in a committee for a term; no end date means open-ended. */
public record CommitteeMember(
        long id,
        String fullName,
        @Nullable String organisation,
        Sector sector,
        CommitteeFunction function,
        LocalDate termStart,
        @Nullable LocalDate termEnd) {}
