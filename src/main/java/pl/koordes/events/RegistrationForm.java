package pl.koordes.events;

import org.jspecify.annotations.Nullable;

/**
 * A registration as typed. A signed-in person's name and e-mail come from the account; a visitor types
 * them and confirms by an e-mail link. Strings throughout, so that nothing sent fails to bind.
 *
 * @param mode {@code ON_SITE} or {@code ONLINE} (a hybrid event asks; the others have one kind of seat)
 * @param privacyAccepted {@code "true"} when the data-processing information was accepted
 */
public record RegistrationForm(@Nullable String fullName, @Nullable String email, @Nullable String institution,
        @Nullable String institutionKind, @Nullable String regionId, @Nullable String position,
        @Nullable String accessibilityNeeds, @Nullable String dietaryNeeds, @Nullable String mode,
        @Nullable String privacyAccepted, @Nullable String photoConsent) {

    public static RegistrationForm empty() {
        return new RegistrationForm("", "", "", "", "", "", "", "", "", "", "");
    }

    /** A visitor's form filled in (tests, organisers adding someone). */
    public static RegistrationForm of(String fullName, String email, long regionId, SeatMode mode) {
        return new RegistrationForm(fullName, email, "Instytucja przykładowa", "", Long.toString(regionId), "", "", "",
                mode.name(), "true", "");
    }

    /** What the one-step button of a signed-in person sends: the data-processing information accepted, nothing else. */
    public static RegistrationForm oneStep() {
        return new RegistrationForm("", "", "", "", "", "", "", "", "", "true", "");
    }
}
