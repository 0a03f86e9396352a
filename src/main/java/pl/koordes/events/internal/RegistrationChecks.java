package pl.koordes.events.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import pl.koordes.directory.Directory;
import pl.koordes.events.SeatMode;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.text.TextInput;

/**
 * Checks a registration form against its event and the person registering, and turns it into what is
 * stored. The form's own annotations and cross-field rules are checked again here, whoever calls (the
 * web layer has shown them already; a direct caller must not store what a form would refuse); then what
 * only the module knows: a visitor's required fields, a region that exists and that the event serves, a
 * kind of seat the event offers. Every reason found is refused at once, beside its field.
 * A visitor's required fields are the form's {@link RegistrationForm.Visitor} group.
 */
@Component
class RegistrationChecks {

    private static final List<String> FIELD_ORDER = Arrays.stream(RegistrationForm.class.getRecordComponents())
            .map(c -> c.getName())
            .toList();

    private final Validator validator;
    private final Directory directory;

    RegistrationChecks(Validator validator, Directory directory) {
        this.validator = validator;
        this.directory = directory;
    }

    /**
     * @param user the person signed in, whose name and address come from the account; null for a visitor
     *     (or someone an organiser adds), who types them
     * @throws Refused with every field found wrong, in the form's order
     */
    Checked check(Event event, RegistrationForm typed, @Nullable CurrentUser user) {
        RegistrationForm form = normalised(typed);
        Map<String, String> errors = new LinkedHashMap<>();
        Class<?>[] groups = user == null
                ? new Class<?>[] {Default.class, RegistrationForm.Visitor.class}
                : new Class<?>[] {Default.class};
        for (ConstraintViolation<RegistrationForm> violation : validator.validate(form, groups)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        DirectFieldBindingResult together = new DirectFieldBindingResult(form, "form");
        form.checkTogether(together);
        for (FieldError error : together.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getCode() == null ? "form.invalid" : error.getCode());
        }

        String email;
        String fullName;
        if (user != null) {
            email = user.email();
            fullName = user.displayName();
        } else {
            fullName = text(form.fullName());
            email = text(form.email());
        }
        String institution = text(form.institution());
        Long regionId = form.regionId();
        if (regionId != null) {
            long id = regionId;
            if (directory.regions().stream().noneMatch(r -> r.id() == id)) {
                errors.putIfAbsent("regionId", "events.register.region.required");
            }
        } else if (user != null) {
            regionId = user.roles().stream()
                    .map(r -> r.regionId())
                    .filter(r -> r != null)
                    .findFirst()
                    .orElse(null);
        }
        if (regionId == null && (user == null || event.regionQuota() != null || event.audience() == Audience.REGIONS)) {
            errors.putIfAbsent("regionId", "events.register.region.required");
        }
        if (regionId != null
                && event.audience() == Audience.REGIONS
                && !event.servedRegionIds().contains(regionId)) {
            errors.putIfAbsent("regionId", "events.register.region.notServed");
        }
        SeatMode mode = form.mode();
        if (mode == null && event.format() != EventFormat.HYBRID) {
            mode = event.format() == EventFormat.ONLINE ? SeatMode.ONLINE : SeatMode.ON_SITE;
        }
        if (mode == null || !event.format().offers(mode)) {
            errors.putIfAbsent("mode", "events.register.mode.required");
        }
        if (!errors.isEmpty() || mode == null) {
            throw Refused.all(inFormOrder(errors));
        }
        return new Checked(
                email,
                fullName,
                institution,
                form.institutionKind() == null ? null : form.institutionKind().name(),
                regionId,
                text(form.position()),
                text(form.accessibilityNeeds()),
                mode == SeatMode.ON_SITE ? text(form.dietaryNeeds()) : "",
                form.photosAllowed(),
                mode);
    }

    /** The texts as the web binding leaves them, for callers that did not come through it. */
    private static RegistrationForm normalised(RegistrationForm f) {
        return new RegistrationForm(
                TextInput.normalise(f.fullName()),
                TextInput.normalise(f.email()),
                TextInput.normalise(f.institution()),
                f.institutionKind(),
                f.regionId(),
                TextInput.normalise(f.position()),
                TextInput.normalise(f.accessibilityNeeds()),
                TextInput.normalise(f.dietaryNeeds()),
                f.mode(),
                f.privacyAccepted(),
                f.photoConsent());
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static List<Refused.Reason> inFormOrder(Map<String, String> errors) {
        List<Refused.Reason> reasons = new ArrayList<>();
        for (String field : FIELD_ORDER) {
            if (errors.containsKey(field)) {
                reasons.add(new Refused.Reason(field, errors.get(field)));
            }
        }
        errors.forEach((field, key) -> {
            if (!FIELD_ORDER.contains(field)) {
                reasons.add(new Refused.Reason(field, key));
            }
        });
        return reasons;
    }
}
