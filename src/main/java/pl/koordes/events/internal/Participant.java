package pl.koordes.events.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import pl.koordes.events.SeatMode;

/**
 * A person's registration for an event, as organisers see it on the participants' list (whatever its
 * status: waiting, cancelled and expired ones are listed too). Named apart from the accounts module's
 * sign-up, which is another thing.
 */
public record Participant(
        long id,
        long eventId,
        @Nullable Long accountId,
        String email,
        String fullName,
        String institution,
        @Nullable String institutionKind,
        @Nullable Long regionId,
        String position,
        String accessibilityNeeds,
        String dietaryNeeds,
        boolean photoConsent,
        SeatMode mode,
        RegistrationStatus status,
        @Nullable Attendance attendance,
        String language,
        Instant createdAt,
        @Nullable Integer feedbackRating,
        @Nullable String feedbackComment) {}
