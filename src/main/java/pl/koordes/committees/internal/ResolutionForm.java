package pl.koordes.committees.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.committees.ResolutionKind;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * What the secretary writes of a resolution or an opinion. The number is not typed: it is the next of the region,
 * kind and year ({@link ResolutionManagement}). The vote may not count more people than were present; whether the
 * ticked members sat on the committee on the day, and whether the meeting and the programme draft are the region's,
 * is checked against the database.
 *
 * @param meetingId the held meeting it was adopted at, if any
 * @param presentIds the memberships of those present at the vote
 * @param programmeVersionId an opinion's programme draft (monitoring), if it concerns one
 * @param version the row version the edit form was read at; null for a new one
 */
public record ResolutionForm(
        @NotNull(message = "committees.resolutions.kind.required") @Nullable
        ResolutionKind kind,

        @NotBlank(message = "committees.resolutions.title.required") @Text(max = 300) @Nullable
        String title,

        @Text(max = 20000, multiline = true) @Nullable String body,

        @NotNull(message = "committees.resolutions.adoptedOn.required")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate adoptedOn,

        @Nullable Long meetingId,

        @NotNull(message = "committees.resolutions.votes.required")
        @Min(value = 0, message = "committees.resolutions.votes.negative")
        @Max(value = 999, message = "committees.resolutions.votes.tooMany")
        @Nullable
        Integer votesFor,

        @NotNull(message = "committees.resolutions.votes.required")
        @Min(value = 0, message = "committees.resolutions.votes.negative")
        @Max(value = 999, message = "committees.resolutions.votes.tooMany")
        @Nullable
        Integer votesAgainst,

        @NotNull(message = "committees.resolutions.votes.required")
        @Min(value = 0, message = "committees.resolutions.votes.negative")
        @Max(value = 999, message = "committees.resolutions.votes.tooMany")
        @Nullable
        Integer votesAbstaining,

        @Nullable List<Long> presentIds,

        @Nullable Boolean publicResolution,

        @Nullable Long programmeVersionId,

        @Nullable Integer version)
        implements CrossFieldRules {

    public static ResolutionForm empty(LocalDate today) {
        return new ResolutionForm(null, "", "", today, null, 0, 0, 0, List.of(), false, null, null);
    }

    public static ResolutionForm of(Resolution resolution, List<Long> present) {
        return new ResolutionForm(
                resolution.kind(),
                resolution.title(),
                resolution.body(),
                resolution.adoptedOn(),
                resolution.meetingId(),
                resolution.votesFor(),
                resolution.votesAgainst(),
                resolution.votesAbstaining(),
                present,
                resolution.publicResolution(),
                resolution.programmeVersionId(),
                resolution.rowVersion());
    }

    @Override
    public void checkTogether(Errors errors) {
        if (votesFor == null || votesAgainst == null || votesAbstaining == null) {
            return;
        }
        if (votesFor + votesAgainst + votesAbstaining > presentIdList().size()) {
            errors.rejectValue("votesFor", "committees.resolutions.votes.exceedPresent");
        }
        if (programmeVersionId != null && kind == ResolutionKind.RESOLUTION) {
            errors.rejectValue("programmeVersionId", "committees.resolutions.programme.opinionOnly");
        }
    }

    /** The ticked members, each once. */
    public List<Long> presentIdList() {
        return presentIds == null
                ? List.of()
                : presentIds.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** Whether it is marked public (an unticked box sends nothing). */
    public boolean publicChosen() {
        return Boolean.TRUE.equals(publicResolution);
    }

    public String titleText() {
        return title == null ? "" : title;
    }

    public String bodyText() {
        return body == null ? "" : body;
    }

    /** A value for a form field, never null. */
    public static String value(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
