package pl.koordes.surveys.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.surveys.ResponseMode;

/**
 * Who may answer a survey, and as whom. The one place for the audience rules; the answer form, the
 * invitations and the response rates all ask it.
 *
 * <ul>
 *   <li>Anyone signed in who has the link, when the survey allows it.
 *   <li>Otherwise anyone holding one of the audience roles. The audience regions bind the regional roles
 *       (coordinator, committee member): their region must be listed (an empty list means all regions).
 *   <li>The audience kinds of institution: a coordinator answers as the ROPS, a central institution's
 *       staff as CENTRAL; other people declare their kind in the form, from the listed kinds only.
 *   <li>A survey answered per institution is answered by the ROPS of a region (any of its coordinators
 *       completes the one answer) or by a central institution (any of its staff); other people have no
 *       institution to answer for.
 * </ul>
 */
@Component
public class SurveyAudience {

    private final Directory directory;

    SurveyAudience(Directory directory) {
        this.directory = directory;
    }

    /** How this person answers this survey, or empty when they may not. Says nothing of the dates. */
    public Optional<Respondent> respondent(Survey survey, @Nullable CurrentUser user, boolean viaLink) {
        if (user == null) {
            return Optional.empty();
        }
        return respondent(survey, user.id(), user.roles(), viaLink, centresFor(List.of(survey), user));
    }

    /** How this person answers each of these surveys, by survey id; the regional centres are read at most once. */
    public Map<Long, Respondent> respondents(List<Survey> surveys, CurrentUser user, boolean viaLink) {
        Map<Long, Long> centres = centresFor(surveys, user);
        Map<Long, Respondent> respondents = new LinkedHashMap<>();
        for (Survey survey : surveys) {
            respondent(survey, user.id(), user.roles(), viaLink, centres)
                    .ifPresent(r -> respondents.put(survey.id(), r));
        }
        return respondents;
    }

    /** Only a coordinator answering per institution needs the regional centres: everyone else reads nothing. */
    private Map<Long, Long> centresFor(List<Survey> surveys, CurrentUser user) {
        boolean needed = surveys.stream().anyMatch(s -> s.responseMode() == ResponseMode.INSTITUTION)
                && user.roles().stream().anyMatch(r -> r.role() == Role.REGIONAL_COORDINATOR);
        return needed ? directory.regionalCentres() : Map.of();
    }

    /**
     * The rule itself, for a person known by their roles: the mailing reads everyone in the audience at once
     * and passes the regional centres (region id → ROPS institution id) it has read once.
     */
    public static Optional<Respondent> respondent(
            Survey survey, long accountId, List<RoleAssignment> roles, boolean viaLink, Map<Long, Long> centres) {
        Optional<RoleAssignment> role = roles.stream()
                .filter(assignment -> inAudience(survey, assignment))
                .min(Comparator.comparing((RoleAssignment a) -> a.role() == Role.REGIONAL_COORDINATOR ? 0 : 1)
                        .thenComparing(a -> a.regionId() == null ? Long.MAX_VALUE : a.regionId()));
        if (role.isEmpty() && !(viaLink && survey.audienceLink())) {
            return Optional.empty();
        }
        RoleAssignment assignment = role.orElse(null);
        @Nullable InstitutionKind kind = assignment == null ? null : kindOf(assignment.role());
        if (kind != null
                && !survey.audienceKinds().isEmpty()
                && !survey.audienceKinds().contains(kind)) {
            return Optional.empty();
        }
        @Nullable Long regionId = assignment == null || !assignment.role().regional() ? null : assignment.regionId();
        if (survey.responseMode() == ResponseMode.PERSON) {
            return Optional.of(new Respondent(accountId, null, regionId, kind));
        }
        if (assignment == null) {
            return Optional.empty();
        }
        if (assignment.role() == Role.REGIONAL_COORDINATOR && regionId != null) {
            return Optional.ofNullable(centres.get(regionId))
                    .map(centre -> new Respondent(accountId, centre, regionId, InstitutionKind.ROPS));
        }
        if (assignment.role() == Role.CENTRAL_INSTITUTION && assignment.institutionId() != null) {
            return Optional.of(new Respondent(accountId, assignment.institutionId(), null, InstitutionKind.CENTRAL));
        }
        return Optional.empty();
    }

    /** Whether a role assignment puts its holder in the survey's audience. */
    public static boolean inAudience(Survey survey, RoleAssignment assignment) {
        if (!survey.audienceRoles().contains(assignment.role())) {
            return false;
        }
        if (assignment.role().regional() && !survey.audienceRegions().isEmpty()) {
            return assignment.regionId() != null && survey.audienceRegions().contains(assignment.regionId());
        }
        return true;
    }

    /** The kind of institution a role answers as, or null when the person declares it. */
    public static @Nullable InstitutionKind kindOf(Role role) {
        return switch (role) {
            case REGIONAL_COORDINATOR -> InstitutionKind.ROPS;
            case CENTRAL_INSTITUTION -> InstitutionKind.CENTRAL;
            default -> null;
        };
    }
}
