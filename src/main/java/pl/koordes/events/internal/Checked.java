package pl.koordes.events.internal;

import org.jspecify.annotations.Nullable;
import pl.koordes.events.SeatMode;

/** A registration form once checked against its event and the person: what is stored. */
record Checked(
        String email,
        String fullName,
        String institution,
        @Nullable String institutionKind,
        @Nullable Long regionId,
        String position,
        String accessibilityNeeds,
        String dietaryNeeds,
        boolean photoConsent,
        SeatMode mode) {}
