package pl.koordes.surveys.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.shared.security.Role;
import pl.koordes.surveys.ResponseMode;
import pl.koordes.surveys.ResultsVisibility;
import pl.koordes.surveys.SurveyPhase;

/**
 * A survey's settings as its pages and forms read them (the questions are in {@link SurveyDefinition}).
 *
 * @param audienceRoles who may answer by role; with the regions and kinds below (empty = any)
 * @param audienceLink whether anyone signed in who has the link may answer
 * @param linkToken the secret part of the "anyone with the link" address
 * @param rowVersion the version a form carries for optimistic locking
 */
public record Survey(
        long id,
        String title,
        String description,
        boolean published,
        @Nullable Instant opensAt,
        @Nullable Instant closesAt,
        ResponseMode responseMode,
        boolean anonymous,
        ResultsVisibility resultsVisibility,
        boolean allowChanges,
        List<Role> audienceRoles,
        List<Long> audienceRegions,
        List<InstitutionKind> audienceKinds,
        boolean audienceLink,
        String linkToken,
        @Nullable Long copiedFromId,
        int rowVersion,
        @Nullable Long createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant publishedAt) {

    public String href() {
        return path(id);
    }

    /** The respondents' address of a survey. */
    public static String path(long id) {
        return "/ankiety/" + id;
    }

    /** Where the survey stands at this moment. */
    public SurveyPhase phase(Instant now) {
        if (!published || opensAt == null || closesAt == null) {
            return SurveyPhase.DRAFT;
        }
        if (now.isBefore(opensAt)) {
            return SurveyPhase.SCHEDULED;
        }
        return now.isBefore(closesAt) ? SurveyPhase.OPEN : SurveyPhase.CLOSED;
    }

    /** Whether a submitted answer may still be changed at this moment. */
    public boolean changesAllowed(Instant now) {
        return allowChanges && !anonymous && phase(now) == SurveyPhase.OPEN;
    }

    /** The audit log's picture of the settings: what a reader of the log needs to tell two apart. */
    public Map<String, @Nullable Object> auditValues() {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("published", published);
        values.put("opensAt", opensAt == null ? null : opensAt.toString());
        values.put("closesAt", closesAt == null ? null : closesAt.toString());
        values.put("responseMode", responseMode.name());
        values.put("anonymous", anonymous);
        values.put("resultsVisibility", resultsVisibility.name());
        values.put("allowChanges", allowChanges);
        values.put(
                "audienceRoles", audienceRoles.stream().map(Role::name).toList().toString());
        values.put("audienceRegions", audienceRegions.toString());
        values.put(
                "audienceKinds",
                audienceKinds.stream().map(InstitutionKind::name).toList().toString());
        values.put("audienceLink", audienceLink);
        return values;
    }
}
