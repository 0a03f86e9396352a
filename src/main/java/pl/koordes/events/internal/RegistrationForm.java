package pl.koordes.events.internal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.events.SeatMode;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A registration as typed, bound by Spring. A signed-in person's name and e-mail come from the account;
 * a visitor types them and confirms by an e-mail link. What the fields must be on their own is said by
 * the annotations, and what a visitor must give besides by those of the {@link Visitor} group (the web
 * layer validates that group when nobody is signed in); what depends on the event (a region it serves,
 * a kind of seat it offers) is checked by {@link EventRegistrations#register}, which refuses with the
 * field's message. Check boxes are {@code Boolean}: an unticked box sends nothing, which binds as null.
 *
 * @param mode the kind of seat (a hybrid event asks; the others have one kind of seat and may leave it empty)
 * @param privacyAccepted the data-processing information was accepted
 */
public record RegistrationForm(
        @NotBlank(groups = Visitor.class, message = "events.register.required") @Text(max = 200) @Nullable
        String fullName,

        @NotBlank(groups = Visitor.class, message = "events.register.email.invalid")
        @Text(max = EmailAddresses.MAX_LENGTH)
        // Empty passes here: only a visitor must give an address, which the registration checks.
        @Pattern(regexp = "(" + EmailAddresses.PLAIN_ADDRESS + ")?", message = "events.register.email.invalid")
        @Nullable
        String email,

        @NotBlank(groups = Visitor.class, message = "events.register.required") @Text(max = 300) @Nullable
        String institution,

        @Nullable InstitutionKind institutionKind,

        @NotNull(groups = Visitor.class, message = "events.register.region.required") @Nullable
        Long regionId,

        @Text(max = 200) @Nullable String position,
        @Text(max = 1000, multiline = true) @Nullable String accessibilityNeeds,
        @Text(max = 1000, multiline = true) @Nullable String dietaryNeeds,
        @Nullable SeatMode mode,

        @NotNull(message = "events.register.privacy.required")
        @AssertTrue(message = "events.register.privacy.required")
        @Nullable
        Boolean privacyAccepted,

        @Nullable Boolean photoConsent)
        implements CrossFieldRules {

    /** The validation group of what a visitor (nobody signed in) must give besides: name, address, institution, region. */
    public interface Visitor {}

    public static RegistrationForm empty() {
        return new RegistrationForm("", "", "", null, null, "", "", "", null, null, null);
    }

    /** A visitor's form filled in (tests, organisers adding someone). */
    public static RegistrationForm of(String fullName, String email, long regionId, SeatMode mode) {
        return new RegistrationForm(
                fullName, email, "Instytucja przykładowa", null, regionId, "", "", "", mode, true, false);
    }

    /** What the one-step button of a signed-in person sends: the data-processing information accepted, nothing else. */
    public static RegistrationForm oneStep() {
        return new RegistrationForm("", "", "", null, null, "", "", "", null, true, false);
    }

    public boolean accepted() {
        return Boolean.TRUE.equals(privacyAccepted);
    }

    public boolean photosAllowed() {
        return Boolean.TRUE.equals(photoConsent);
    }

    /** The same form with the data-processing information accepted (an organiser adding someone informs them). */
    RegistrationForm withPrivacyAccepted() {
        return new RegistrationForm(
                fullName,
                email,
                institution,
                institutionKind,
                regionId,
                position,
                accessibilityNeeds,
                dietaryNeeds,
                mode,
                true,
                photoConsent);
    }

    /**
     * A typed name and address come together: a name without an address cannot be confirmed by e-mail,
     * and an address without a name would put a nameless person on the organisers' list.
     */
    @Override
    public void checkTogether(Errors errors) {
        boolean name = fullName != null && !fullName.isBlank();
        boolean address = email != null && !email.isBlank();
        if (name && !address) {
            errors.rejectValue("email", "events.register.email.invalid");
        } else if (address && !name) {
            errors.rejectValue("fullName", "events.register.required");
        }
    }
}
