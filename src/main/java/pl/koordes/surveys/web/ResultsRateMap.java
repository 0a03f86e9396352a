package pl.koordes.surveys.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import pl.koordes.directory.MapShape;
import pl.koordes.directory.PolandMap;
import pl.koordes.directory.Region;
import pl.koordes.shared.charts.ChartLanguage;
import pl.koordes.shared.charts.Choropleth;
import pl.koordes.shared.charts.ChoroplethView;
import pl.koordes.shared.charts.ClassBreaks;
import pl.koordes.shared.charts.MapArea;
import pl.koordes.shared.web.Page;
import pl.koordes.surveys.ResponseMode;
import pl.koordes.surveys.internal.ResultsRates;
import pl.koordes.surveys.internal.ResultsRates.RegionRate;
import pl.koordes.surveys.internal.Survey;

/**
 * The response per region on the results page: the map and the sentence summing it up. Apart from
 * {@link ResultsController} because it reads who answered ({@link ResultsRates}), not what they answered.
 */
@Component
class ResultsRateMap {

    private final PolandMap map;

    ResultsRateMap(PolandMap map) {
        this.map = map;
    }

    /**
     * The response per region on the map, with the table beside it: per institution, whether the region's ROPS
     * answered; per person, when only roles bound to a region are asked (coordinators, committee members, no link),
     * the share of the people holding them in the region who answered; otherwise (participants, experts, anyone with
     * the link: people with no region in their role) the number of answers counted for the region, with the people
     * holding a regional audience role there and how many of them answered beside it.
     */
    ChoroplethView rateMap(
            Page page, ChartLanguage language, Survey survey, List<MapShape> shapes, Map<Long, RegionRate> rates) {
        List<MapArea> areas = new ArrayList<>();
        for (MapShape shape : shapes) {
            Region region = shape.region();
            areas.add(new MapArea(
                    region.slug(), region.name(page.locale()), shape.path(), shape.labelX(), shape.labelY()));
        }
        boolean perInstitution = survey.responseMode() == ResponseMode.INSTITUTION;
        boolean regional = !ResultsRates.regionalAudienceRoles(survey).isEmpty();
        boolean onlyRegional = regional
                && !survey.audienceLink()
                && ResultsRates.regionalAudienceRoles(survey).size()
                        == survey.audienceRoles().size();
        Choropleth chart = Choropleth.of(
                "odpowiedzi-wojewodztwa",
                page.t(perInstitution || onlyRegional ? "surveys.results.map.title" : "surveys.results.map.countTitle"),
                areas,
                map.viewBox());
        if (perInstitution || onlyRegional) {
            chart.unit("%").decimals(0).classes(ClassBreaks.Method.EQUAL_INTERVAL, perInstitution ? 3 : 5);
        } else {
            chart.unit(page.t("surveys.results.chart.count")).decimals(0);
        }
        for (MapShape shape : shapes) {
            Region region = shape.region();
            boolean inAudience = survey.audienceRegions().isEmpty()
                    || survey.audienceRegions().contains(region.id());
            RegionRate rate = rates.getOrDefault(region.id(), new RegionRate(region.id(), 0, 0, 0, 0));
            if (!inAudience) {
                chart.note(region.slug(), page.t("surveys.results.map.outside"));
            } else if (perInstitution) {
                boolean yes = rate.rops() > 0;
                chart.value(region.slug(), yes ? BigDecimal.valueOf(100) : BigDecimal.ZERO);
                chart.note(
                        region.slug(),
                        page.t(yes ? "surveys.results.map.answered" : "surveys.results.map.notAnswered"));
            } else if (onlyRegional) {
                if (rate.audience() == 0) {
                    chart.note(region.slug(), page.t("surveys.results.map.noAudience"));
                } else {
                    chart.value(region.slug(), ResultsController.share(rate.audienceAnswered(), rate.audience()));
                    chart.note(
                            region.slug(),
                            page.t("surveys.results.map.people", rate.audienceAnswered(), rate.audience()));
                }
            } else {
                chart.value(region.slug(), BigDecimal.valueOf(rate.answers()));
                if (regional && rate.audience() > 0) {
                    chart.note(
                            region.slug(),
                            page.t("surveys.results.map.roleHolders", rate.audienceAnswered(), rate.audience()));
                }
            }
        }
        return chart.view(language);
    }

    static String rateSummary(Page page, Survey survey, Map<Long, RegionRate> rates, int regions) {
        if (survey.responseMode() == ResponseMode.INSTITUTION) {
            long answered = rates.values().stream().filter(r -> r.rops() > 0).count();
            int of = survey.audienceRegions().isEmpty()
                    ? regions
                    : survey.audienceRegions().size();
            return page.t("surveys.results.map.ropsSummary", answered, of);
        }
        long audience = rates.values().stream().mapToLong(RegionRate::audience).sum();
        long answered =
                rates.values().stream().mapToLong(RegionRate::audienceAnswered).sum();
        return audience == 0 ? "" : page.t("surveys.results.map.peopleSummary", answered, audience);
    }
}
