package pl.koordes.surveys.internal;

import org.jspecify.annotations.Nullable;
import pl.koordes.directory.InstitutionKind;

/**
 * Which submitted answers the results count: those of one region, of one kind of institution, or all.
 *
 * @param regionId only answers counted for this region, or all regions
 * @param kind only answers counted for this kind of institution, or all kinds
 */
public record ResultsFilter(
        @Nullable Long regionId, @Nullable InstitutionKind kind) {

    public static final ResultsFilter ALL = new ResultsFilter(null, null);

    /** The filter's condition on {@code surveys_response r}, with the parameters {@code :region} and {@code :kind}. */
    static final String CONDITION = """
            r.survey_id = :survey and r.status = 'SUBMITTED'
            and (cast(:region as bigint) is null or r.region_id = :region)
            and (cast(:kind as text) is null or r.institution_kind = :kind)""";

    @Nullable
    String kindName() {
        return kind == null ? null : kind.name();
    }
}
