package pl.koordes.surveys.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;
import pl.koordes.surveys.ResponseMode;
import pl.koordes.surveys.ResultsVisibility;

/**
 * A survey's settings as the editor types them: dates and times as the browser's date and time fields send
 * them ({@code yyyy-MM-dd}, {@code HH:mm}) in Europe/Warsaw, check boxes for the audience (nothing ticked
 * among regions or kinds means all). What needs the database (the regions exist, answers already given
 * forbid a change of anonymity or mode) is {@link BuilderSurveys}'s to check.
 *
 * @param audienceGroups the roles whose holders may answer
 * @param audienceRegions region ids; empty = all
 * @param audienceKinds institution kinds; empty = all
 * @param audienceLink whether anyone signed in who has the link may answer
 * @param version the survey's row version the form was read at
 */
public record BuilderSettingsForm(
        @NotBlank(message = "surveys.builder.title.required") @Text(max = 300) @Nullable
        String title,

        @Text(max = 10_000, multiline = true) @Nullable String description,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate openingDate,

        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable
        LocalTime openingTime,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate closingDate,

        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable
        LocalTime closingTime,

        @NotNull(message = "form.invalid") @Nullable ResponseMode responseMode,
        @Nullable Boolean anonymous,
        @NotNull(message = "form.invalid") @Nullable ResultsVisibility resultsVisibility,
        @Nullable Boolean allowChanges,
        @Nullable List<Role> audienceGroups,
        @Nullable List<Long> audienceRegions,
        @Nullable List<InstitutionKind> audienceKinds,
        @Nullable Boolean audienceLink,
        @Nullable Integer version)
        implements CrossFieldRules {

    /** The roles a survey may be addressed to: the operator's own roles answer nothing. */
    public static final List<Role> AUDIENCE_ROLES = List.of(
            Role.PARTICIPANT, Role.REGIONAL_COORDINATOR, Role.COMMITTEE_MEMBER, Role.EXPERT, Role.CENTRAL_INSTITUTION);

    /** The roles that answer for an institution: the ROPS of a region, a central institution. */
    public static final Set<Role> INSTITUTION_ROLES = Set.of(Role.REGIONAL_COORDINATOR, Role.CENTRAL_INSTITUTION);

    private static final int FIRST_YEAR = 2000;

    private static final int LAST_YEAR = 2100;

    public BuilderSettingsForm {
        // The browser sends nothing for a group with nothing ticked: that means none.
        audienceGroups = audienceGroups == null
                ? List.of()
                : audienceGroups.stream().filter(Objects::nonNull).distinct().toList();
        audienceRegions = audienceRegions == null
                ? List.of()
                : audienceRegions.stream().filter(Objects::nonNull).distinct().toList();
        audienceKinds = audienceKinds == null
                ? List.of()
                : audienceKinds.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** The form as the survey is now. */
    public static BuilderSettingsForm of(Survey survey) {
        @Nullable
        ZonedDateTime opens = survey.opensAt() == null ? null : survey.opensAt().atZone(Formats.ZONE);
        @Nullable
        ZonedDateTime closes =
                survey.closesAt() == null ? null : survey.closesAt().atZone(Formats.ZONE);
        return new BuilderSettingsForm(
                survey.title(),
                survey.description(),
                opens == null ? null : opens.toLocalDate(),
                opens == null ? null : opens.toLocalTime(),
                closes == null ? null : closes.toLocalDate(),
                closes == null ? null : closes.toLocalTime(),
                survey.responseMode(),
                survey.anonymous(),
                survey.resultsVisibility(),
                survey.allowChanges(),
                survey.audienceRoles(),
                survey.audienceRegions(),
                survey.audienceKinds(),
                survey.audienceLink(),
                survey.rowVersion());
    }

    @Override
    public void checkTogether(Errors errors) {
        checkMoment(errors, "openingDate", "openingTime", openingDate, openingTime);
        checkMoment(errors, "closingDate", "closingTime", closingDate, closingTime);
        Instant opens = opensAt();
        Instant closes = closesAt();
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            errors.rejectValue("closingDate", "surveys.builder.closing.beforeOpening");
        }
        if (!AUDIENCE_ROLES.containsAll(audienceGroups())) {
            errors.rejectValue("audienceGroups", "form.invalid");
        } else if (responseMode == ResponseMode.INSTITUTION
                && (audienceGroups().isEmpty() || !INSTITUTION_ROLES.containsAll(audienceGroups()))) {
            errors.rejectValue("audienceGroups", "surveys.builder.institution.roles");
        }
        if (responseMode == ResponseMode.INSTITUTION && anonymousChosen()) {
            errors.rejectValue("anonymous", "surveys.builder.institution.anonymous");
        }
        if (responseMode == ResponseMode.INSTITUTION && linkChosen()) {
            errors.rejectValue("audienceLink", "surveys.builder.institution.link");
        }
        if (anonymousChosen() && changesChosen()) {
            errors.rejectValue("allowChanges", "surveys.builder.anonymous.changes");
        }
    }

    private static void checkMoment(
            Errors errors, String dateField, String timeField, @Nullable LocalDate date, @Nullable LocalTime time) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            errors.rejectValue(dateField, "surveys.builder.date.year");
        }
        if (date != null && time == null) {
            errors.rejectValue(timeField, "surveys.builder.time.missing");
        }
        if (date == null && time != null) {
            errors.rejectValue(dateField, "surveys.builder.date.missing");
        }
    }

    /** The opening moment, or null when not given completely. */
    public @Nullable Instant opensAt() {
        return moment(openingDate, openingTime);
    }

    public @Nullable Instant closesAt() {
        return moment(closingDate, closingTime);
    }

    private static @Nullable Instant moment(@Nullable LocalDate date, @Nullable LocalTime time) {
        return date == null || time == null
                ? null
                : date.atTime(time).atZone(Formats.ZONE).toInstant();
    }

    public String titleText() {
        return title == null ? "" : title;
    }

    public String descriptionText() {
        return description == null ? "" : description;
    }

    public boolean anonymousChosen() {
        return Boolean.TRUE.equals(anonymous);
    }

    public boolean changesChosen() {
        return Boolean.TRUE.equals(allowChanges);
    }

    public boolean linkChosen() {
        return Boolean.TRUE.equals(audienceLink);
    }

    @Override
    public List<Role> audienceGroups() {
        return Objects.requireNonNull(audienceGroups);
    }

    @Override
    public List<Long> audienceRegions() {
        return Objects.requireNonNull(audienceRegions);
    }

    @Override
    public List<InstitutionKind> audienceKinds() {
        return Objects.requireNonNull(audienceKinds);
    }

    /** A date or time as its field shows it ({@code 2026-12-31}, {@code 14:30}). */
    public static String value(@Nullable Object value) {
        if (value instanceof LocalTime time) {
            return String.format("%02d:%02d", time.getHour(), time.getMinute());
        }
        return value == null ? "" : value.toString();
    }
}
