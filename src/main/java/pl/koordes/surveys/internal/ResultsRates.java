package pl.koordes.surveys.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.security.Role;
import pl.koordes.surveys.ResponseMode;

/**
 * Who answered a survey, per region and per person: the response per region behind the results map and whether
 * someone has answered (which results visible to respondents only depend on). Apart from {@link ResultsQueries}
 * because these count responses and role holders, not answers, and ignore the results filter. Only SUBMITTED
 * responses count; drafts never do.
 */
@Repository
@Transactional(readOnly = true)
public class ResultsRates {

    private final JdbcClient jdbc;

    ResultsRates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The response in one region: the submitted answers counted for it, those of its ROPS, and (a survey
     * answered per person whose audience includes regional roles) how many people hold an audience role in
     * the region and how many of them answered.
     */
    public record RegionRate(long regionId, long answers, long rops, long audience, long audienceAnswered) {}

    /** The response per region: one statement, two for a survey answered per person by regional roles. */
    public Map<Long, RegionRate> regionRates(Survey survey) {
        Map<Long, long[]> figures = new HashMap<>();
        jdbc.sql("""
                        select region_id, count(*) as answers, count(*) filter (where institution_kind = 'ROPS') as rops
                        from surveys_response where survey_id = :survey and status = 'SUBMITTED' and region_id is not null
                        group by region_id
                        """).param("survey", survey.id()).query(rs -> {
            figures.put(rs.getLong("region_id"), new long[] {rs.getLong("answers"), rs.getLong("rops"), 0, 0});
        });
        List<String> regional = regionalAudienceRoles(survey);
        if (survey.responseMode() == ResponseMode.PERSON && !regional.isEmpty()) {
            // Whoever holds an audience role bound to the region; "answered" from their submitted answer or,
            // in an anonymous survey, their participation (which says only that they took part).
            jdbc.sql("""
                            select ra.region_id, count(distinct ra.account_id) as audience,
                                   count(distinct ra.account_id) filter (where
                                       exists (select 1 from surveys_participation p
                                               where p.survey_id = :survey and p.account_id = ra.account_id)
                                       or exists (select 1 from surveys_response s
                                                  where s.survey_id = :survey and s.status = 'SUBMITTED'
                                                    and s.account_id = ra.account_id)) as answered
                            from role_assignment ra join account a on a.id = ra.account_id
                            where a.status = 'ACTIVE' and ra.role in (:roles) and ra.region_id is not null
                              and (cardinality(cast(:regions as bigint[])) = 0 or ra.region_id = any(cast(:regions as bigint[])))
                            group by ra.region_id
                            """)
                    .param("survey", survey.id())
                    .param("roles", regional)
                    .param("regions", survey.audienceRegions().toArray(Long[]::new))
                    .query(rs -> {
                        long[] f = figures.computeIfAbsent(rs.getLong("region_id"), k -> new long[4]);
                        f[2] = rs.getLong("audience");
                        f[3] = rs.getLong("answered");
                    });
        }
        Map<Long, RegionRate> rates = new HashMap<>();
        figures.forEach((region, f) -> rates.put(region, new RegionRate(region, f[0], f[1], f[2], f[3])));
        return rates;
    }

    /** The audience roles bound to a region (coordinators, committee members): those a region's rate counts. */
    public static List<String> regionalAudienceRoles(Survey survey) {
        return survey.audienceRoles().stream()
                .filter(Role::regional)
                .map(Role::name)
                .toList();
    }

    /** Whether this person has submitted an answer, or taken part in the anonymous survey. */
    public boolean personAnswered(long surveyId, long accountId) {
        return jdbc.sql("""
                        select exists (select 1 from surveys_response where survey_id = :survey and status = 'SUBMITTED'
                                                                         and account_id = :account)
                            or exists (select 1 from surveys_participation where survey_id = :survey and account_id = :account)
                        """)
                .param("survey", surveyId)
                .param("account", accountId)
                .query(Boolean.class)
                .single();
    }

    /** Whether this institution has submitted its answer. */
    public boolean institutionAnswered(long surveyId, long institutionId) {
        return jdbc.sql("""
                        select exists (select 1 from surveys_response where survey_id = :survey and status = 'SUBMITTED'
                                                                         and institution_id = :institution)
                        """)
                .param("survey", surveyId)
                .param("institution", institutionId)
                .query(Boolean.class)
                .single();
    }
}
