package pl.koordes.surveys.internal;

import org.jspecify.annotations.Nullable;
import pl.koordes.directory.InstitutionKind;

/**
 * Who answers a survey, as the audience rules see a signed-in person: the person, and in a survey
 * answered per institution the institution they answer for.
 *
 * @param accountId the person
 * @param institutionId the institution that answers once (INSTITUTION mode), else null
 * @param regionId the region the answer counts for in the results, when the role says it; else the
 *     respondent declares it
 * @param kind the kind of institution the answer counts for, when the role says it (ROPS for a
 *     coordinator, CENTRAL for a central institution); else the respondent declares it
 */
public record Respondent(
        long accountId,
        @Nullable Long institutionId,
        @Nullable Long regionId,
        @Nullable InstitutionKind kind) {}
