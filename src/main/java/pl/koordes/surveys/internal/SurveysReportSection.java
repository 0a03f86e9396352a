package pl.koordes.surveys.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.reports.section.ProgrammeReportSection;
import pl.koordes.reports.section.ReportColumn;
import pl.koordes.reports.section.ReportFigure;
import pl.koordes.reports.section.ReportRow;
import pl.koordes.reports.section.ReportScope;
import pl.koordes.reports.section.ReportSection;
import pl.koordes.reports.section.ReportTable;
import pl.koordes.reports.section.ReportUnit;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.security.Role;

/**
 * The surveys' section of the programme report, in three statements whatever the number of surveys, answers
 * or people. Only published surveys count; a region's report counts the surveys whose audience includes the
 * region and only that region's answers and people.
 *
 * <ul>
 *   <li><b>running</b>: open at some moment of the period; <b>closed</b>: closed in the period;
 *   <li><b>answers</b>: submitted answers (drafts never) to the surveys closed in the period, per region of
 *       the answer (as the results map counts them);
 *   <li><b>response rate</b> — its denominator is the audience the module knows: for surveys closed in the
 *       period that are answered per person by regional roles (coordinators, committee members), the active
 *       holders of an audience role in the region (each survey counts its own audience), and the numerator
 *       those of them who answered (or took part in an anonymous survey): the results map's "answered of the
 *       audience". Surveys answered per institution, or by nationwide roles, or by anyone with the link have
 *       no known audience and add only answers.
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class SurveysReportSection implements ProgrammeReportSection {

    private static final String[] REGIONAL_ROLES =
            Arrays.stream(Role.values()).filter(Role::regional).map(Role::name).toArray(String[]::new);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Messages messages;

    SurveysReportSection(JdbcClient jdbc, Directory directory, Messages messages) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "surveys";
    }

    @Override
    public int order() {
        return 40;
    }

    /** A region's answers and audience, summed over the surveys closed in the period. */
    private static final class Tally {
        long answers;
        long audience;
        long answered;
    }

    @Override
    public ReportSection build(ReportScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("periodStart", Timestamp.from(scope.start()));
        params.put("periodEnd", Timestamp.from(scope.end()));
        params.put("region", scope.regionId());
        params.put("regional", REGIONAL_ROLES);
        String surveys = """
                select s.* from surveys_survey s
                where s.published
                  and (cast(:region as bigint) is null or cardinality(s.audience_regions) = 0
                       or cast(:region as bigint) = any(s.audience_regions))
                """;
        long[] counts = jdbc.sql("with s as (" + surveys + """
                        )
                        select count(*) filter (where s.opens_at < :periodEnd and s.closes_at > :periodStart) as running,
                               count(*) filter (where s.closes_at >= :periodStart and s.closes_at < :periodEnd) as closed
                        from s""")
                .params(params)
                .query((rs, n) -> new long[] {rs.getLong("running"), rs.getLong("closed")})
                .single();
        String closed = "with s as (" + surveys + " and s.closes_at >= :periodStart and s.closes_at < :periodEnd) ";
        Map<Long, Tally> regions = new HashMap<>();
        jdbc.sql(closed + """
                        select r.region_id, count(*) as answers
                        from s join surveys_response r on r.survey_id = s.id
                        where r.status = 'SUBMITTED' and r.region_id is not null
                          and (cast(:region as bigint) is null or r.region_id = :region)
                        group by r.region_id""").params(params).query(rs -> {
            regions.computeIfAbsent(rs.getLong("region_id"), k -> new Tally()).answers = rs.getLong("answers");
        });
        jdbc.sql(closed + """
                        , audience as (
                            select distinct s.id as survey_id, ra.region_id, ra.account_id
                            from s join role_assignment ra
                                   on ra.role = any(s.audience_roles) and ra.role = any(cast(:regional as text[]))
                                  and ra.region_id is not null
                                  and (cardinality(s.audience_regions) = 0 or ra.region_id = any(s.audience_regions))
                              join account a on a.id = ra.account_id and a.status = 'ACTIVE'
                            where s.response_mode = 'PERSON'
                              and (cast(:region as bigint) is null or ra.region_id = :region))
                        select a.region_id, count(*) as audience,
                               count(*) filter (where
                                   exists (select 1 from surveys_participation p
                                           where p.survey_id = a.survey_id and p.account_id = a.account_id)
                                   or exists (select 1 from surveys_response r
                                              where r.survey_id = a.survey_id and r.status = 'SUBMITTED'
                                                and r.account_id = a.account_id)) as answered
                        from audience a group by a.region_id""").params(params).query(rs -> {
            Tally tally = regions.computeIfAbsent(rs.getLong("region_id"), k -> new Tally());
            tally.audience = rs.getLong("audience");
            tally.answered = rs.getLong("answered");
        });
        Tally total = new Tally();
        regions.values().forEach(t -> {
            total.answers += t.answers;
            total.audience += t.audience;
            total.answered += t.answered;
        });
        Locale locale = scope.locale();
        return new ReportSection(
                name(),
                t(locale, "title"),
                List.of(
                        ReportFigure.count(t(locale, "figure.running"), counts[0]),
                        ReportFigure.count(t(locale, "figure.closed"), counts[1]),
                        ReportFigure.count(t(locale, "figure.answers"), total.answers),
                        new ReportFigure(t(locale, "figure.rate"), rate(total), ReportUnit.PERCENT)),
                List.of(byRegion(locale, regions, total, scope.regionId())));
    }

    /** Every region of the scope in the directory's order, zeros where it had no survey, as the other sections. */
    private ReportTable byRegion(Locale locale, Map<Long, Tally> tallies, Tally total, @Nullable Long scopeRegion) {
        List<ReportRow> rows = new ArrayList<>();
        for (Region region : directory.regions()) {
            if (scopeRegion == null || scopeRegion.equals(region.id())) {
                rows.add(ReportRow.of(region.name(locale), values(tallies.getOrDefault(region.id(), new Tally()))));
            }
        }
        rows.add(ReportRow.totalOf(t(locale, "total"), values(total)));
        return new ReportTable(
                "surveys-by-region",
                t(locale, "byRegion"),
                t(locale, "region"),
                List.of(
                        new ReportColumn(t(locale, "figure.answers"), ReportUnit.COUNT),
                        new ReportColumn(t(locale, "audience"), ReportUnit.COUNT),
                        new ReportColumn(t(locale, "answered"), ReportUnit.COUNT),
                        new ReportColumn(t(locale, "figure.rate"), ReportUnit.PERCENT)),
                rows,
                3);
    }

    private static List<@Nullable BigDecimal> values(Tally tally) {
        List<@Nullable BigDecimal> values = new ArrayList<>();
        values.add(BigDecimal.valueOf(tally.answers));
        values.add(BigDecimal.valueOf(tally.audience));
        values.add(BigDecimal.valueOf(tally.answered));
        values.add(rate(tally));
        return values;
    }

    /** Answered of the audience as a fraction (four decimals), or null when no audience is known. */
    private static @Nullable BigDecimal rate(Tally tally) {
        return tally.audience == 0
                ? null
                : BigDecimal.valueOf(tally.answered)
                        .divide(BigDecimal.valueOf(tally.audience), 4, RoundingMode.HALF_UP);
    }

    private String t(Locale locale, String key) {
        return messages.get(locale, "surveys.report." + key);
    }
}
