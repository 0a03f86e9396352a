package pl.koordes.surveys.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.MapShape;
import pl.koordes.directory.PolandMap;
import pl.koordes.directory.Region;
import pl.koordes.shared.charts.BarChart;
import pl.koordes.shared.charts.ChartLanguage;
import pl.koordes.shared.charts.ChartNumbers;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PublicPage;
import pl.koordes.surveys.QuestionType;
import pl.koordes.surveys.SurveyPhase;
import pl.koordes.surveys.internal.ResultsCache;
import pl.koordes.surveys.internal.ResultsQueries;
import pl.koordes.surveys.internal.ResultsQueries.Comparison;
import pl.koordes.surveys.internal.ResultsQueries.Figures;
import pl.koordes.surveys.internal.ResultsQueries.Grouping;
import pl.koordes.surveys.internal.ResultsQueries.Results;
import pl.koordes.surveys.internal.ResultsRates;
import pl.koordes.surveys.internal.ResultsRates.RegionRate;
import pl.koordes.surveys.internal.Survey;
import pl.koordes.surveys.internal.SurveyDefinition;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;
import pl.koordes.surveys.internal.SurveyStore;

/**
 * A survey's results: per question, counts and shares as bars with a table beside each, means and medians,
 * typed answers listed and searchable, filtered by region and kind of institution and compared across them,
 * the response per region on the map ({@link ResultsRateMap}). Who sees them is {@link ResultsAccess}; a survey
 * not yet published does not exist but for the operator. A fixed number of statements whatever the number of
 * answers or questions ({@link ResultsQueries}). The typed answers are {@link ResultsTextsController}, the files
 * {@link ResultsExportController}: one controller per page or download keeps each short enough to read.
 */
@Controller
class ResultsController {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy");

    private final SurveyStore store;
    private final ResultsQueries queries;
    private final ResultsRates rates;
    private final ResultsCache cache;
    private final ResultsAccess access;
    private final ResultsRateMap rateMap;
    private final PolandMap map;
    private final Clock clock;

    ResultsController(
            SurveyStore store,
            ResultsQueries queries,
            ResultsRates rates,
            ResultsCache cache,
            ResultsAccess access,
            ResultsRateMap rateMap,
            PolandMap map,
            Clock clock) {
        this.store = store;
        this.queries = queries;
        this.rates = rates;
        this.cache = cache;
        this.access = access;
        this.rateMap = rateMap;
        this.map = map;
        this.clock = clock;
    }

    // Anonymous visitors get a 200 only for public results, the same for all of them.
    @PublicPage
    @GetMapping("/ankiety/{id}/wyniki")
    String results(
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            Optional<CurrentUser> user,
            Page page,
            Model model) {
        Survey survey = access.visible(id, user.orElse(null));
        SurveyDefinition definition = store.definition(survey);
        List<MapShape> shapes = map.shapes();
        List<Region> regions = shapes.stream().map(MapShape::region).toList();
        Query query = Query.of(parameters, regions);
        String version = queries.version(id);
        Results results = cache.results(survey, version, query.filter());
        @Nullable Grouping grouping = query.grouping();
        Comparison comparison = grouping == null ? null : cache.comparison(survey, version, query.filter(), grouping);
        ChartLanguage language = ChartLanguage.of(page);
        Map<Long, Region> regionsById = regions.stream().collect(Collectors.toMap(Region::id, Function.identity()));
        boolean operator = access.operator(user.orElse(null));

        List<ResultsView.Section> sections = new ArrayList<>();
        int[] number = {0};
        for (SurveyDefinition.Section section : definition.sections()) {
            List<ResultsView.Question> questions = new ArrayList<>();
            for (SurveyDefinition.Question question : section.questions()) {
                number[0]++;
                questions.add(question(
                        page, language, definition, question, number[0], results, query, comparison, regionsById));
            }
            sections.add(new ResultsView.Section(section.id(), section.title(), questions));
        }
        Map<Long, RegionRate> regionRates = rates.regionRates(survey);
        model.addAttribute("survey", survey);
        model.addAttribute("phase", survey.phase(clock.instant()));
        model.addAttribute("results", results);
        model.addAttribute("sections", sections);
        model.addAttribute("query", query);
        model.addAttribute("regions", regions);
        model.addAttribute("kinds", Arrays.asList(InstitutionKind.values()));
        model.addAttribute("rateMap", rateMap.rateMap(page, language, survey, shapes, regionRates));
        model.addAttribute("rateSummary", ResultsRateMap.rateSummary(page, survey, regionRates, regions.size()));
        model.addAttribute("operator", operator);
        model.addAttribute("scope", scope(page, query, regionsById));
        model.addAttribute("suffix", query.suffix());
        return "surveys/results/results";
    }

    private ResultsView.Question question(
            Page page,
            ChartLanguage language,
            SurveyDefinition definition,
            SurveyDefinition.Question question,
            int number,
            Results results,
            Query query,
            @Nullable Comparison comparison,
            Map<Long, Region> regions) {
        ChartNumbers numbers = language.numbers();
        Figures figures = results.figures(question.id());
        long respondents = figures.respondents();
        String answered = page.t("surveys.results.question.answers", respondents);
        Long condition = question.conditionOptionId();
        if (condition != null) {
            answered = answered + " " + page.t("surveys.results.question.shown", results.option(condition));
        }
        String chartId = "pytanie-" + question.id();
        String type = page.t("surveys.questionType." + question.type().name());
        BarChart chart = null;
        String note = "";
        List<ResultsView.Fact> facts = new ArrayList<>();
        ResultsView.Matrix matrix = null;
        String textsHref = null;
        String countUnit = page.t("surveys.results.chart.count");
        switch (question.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                chart = BarChart.of(chartId, page.t("surveys.results.chart.title", number))
                        .unit("%")
                        .decimals(1)
                        .counted("surveys.results.chart.options")
                        .categoryHeader(page.t("surveys.results.chart.option"));
                for (Choice option : question.options()) {
                    long count = results.option(option.id());
                    chart.bar(
                            option.label(),
                            share(count, respondents),
                            null,
                            page.t("surveys.results.chart.times", count));
                }
                if (question.otherOption()) {
                    long others = figures.texts();
                    chart.bar(
                            page.t("surveys.otherOption"),
                            share(others, respondents),
                            null,
                            page.t("surveys.results.chart.times", others));
                    textsHref = textsHref(definition, question, query);
                }
                note = question.type() == QuestionType.MULTIPLE_CHOICE
                        ? page.t("surveys.results.question.multipleNote", respondents)
                        : page.t("surveys.results.question.singleNote", respondents);
            }
            case SCALE -> {
                chart = BarChart.of(chartId, page.t("surveys.results.chart.title", number))
                        .unit("%")
                        .decimals(1)
                        .counted("surveys.results.chart.values")
                        .categoryHeader(page.t("surveys.results.chart.value"));
                Map<Integer, Long> scale = results.scale(question.id());
                for (int v = SurveyDefinition.SCALE_MIN; v <= SurveyDefinition.SCALE_MAX; v++) {
                    long count = scale.getOrDefault(v, 0L);
                    chart.bar(
                            scaleLabel(question, v),
                            share(count, respondents),
                            null,
                            page.t("surveys.results.chart.times", count));
                }
                BigDecimal mean = figures.scaleMean();
                facts.add(new ResultsView.Fact(
                        page.t("surveys.results.fact.mean"), mean == null ? "—" : numbers.format(mean, 2)));
                note = page.t("surveys.results.question.scaleNote", respondents);
            }
            case MATRIX -> {
                List<String> values = new ArrayList<>();
                for (int v = SurveyDefinition.SCALE_MIN; v <= SurveyDefinition.SCALE_MAX; v++) {
                    values.add(scaleLabel(question, v));
                }
                List<ResultsView.MatrixRow> rows = new ArrayList<>();
                chart = BarChart.of(chartId, page.t("surveys.results.matrix.chart", number))
                        .decimals(2)
                        .counted("surveys.results.chart.rows")
                        .categoryHeader(page.t("surveys.results.matrix.row"));
                for (Choice row : question.rows()) {
                    Map<Integer, Long> counts = results.row(row.id());
                    long total = 0;
                    long sum = 0;
                    List<String> cells = new ArrayList<>();
                    for (int v = SurveyDefinition.SCALE_MIN; v <= SurveyDefinition.SCALE_MAX; v++) {
                        long count = counts.getOrDefault(v, 0L);
                        total += count;
                        sum += count * v;
                        cells.add(Long.toString(count));
                    }
                    BigDecimal mean = total == 0
                            ? null
                            : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
                    rows.add(new ResultsView.MatrixRow(
                            row.label(), cells, Long.toString(total), mean == null ? "—" : numbers.format(mean, 2)));
                    chart.bar(row.label(), mean);
                }
                matrix = new ResultsView.Matrix(values, rows);
            }
            case NUMBER -> {
                facts.add(new ResultsView.Fact(page.t("surveys.results.fact.count"), Long.toString(figures.numbers())));
                facts.add(fact(page, numbers, "surveys.results.fact.mean", figures.mean()));
                facts.add(fact(page, numbers, "surveys.results.fact.median", figures.median()));
                facts.add(fact(page, numbers, "surveys.results.fact.min", figures.min()));
                facts.add(fact(page, numbers, "surveys.results.fact.max", figures.max()));
            }
            case DATE -> {
                facts.add(new ResultsView.Fact(page.t("surveys.results.fact.count"), Long.toString(figures.dates())));
                facts.add(new ResultsView.Fact(
                        page.t("surveys.results.fact.earliest"),
                        figures.earliest() == null ? "—" : Formats.date(figures.earliest())));
                facts.add(new ResultsView.Fact(
                        page.t("surveys.results.fact.latest"),
                        figures.latest() == null ? "—" : Formats.date(figures.latest())));
                chart = BarChart.of(chartId, page.t("surveys.results.date.chart", number))
                        .unit(countUnit)
                        .decimals(0)
                        .counted("surveys.results.chart.months")
                        .categoryHeader(page.t("surveys.results.date.month"));
                for (Map.Entry<YearMonth, Long> month :
                        results.months(question.id()).entrySet()) {
                    chart.bar(MONTH.format(month.getKey()), BigDecimal.valueOf(month.getValue()));
                }
            }
            case SHORT_TEXT, LONG_TEXT -> textsHref = textsHref(definition, question, query);
        }
        ResultsView.Comparison compared =
                comparison == null || !(question.type().choice() || question.type() == QuestionType.SCALE)
                        ? null
                        : comparison(page, numbers, question, comparison, query, regions);
        return new ResultsView.Question(
                question.id(),
                number,
                question.text(),
                type,
                answered,
                chart == null ? null : chart.view(language),
                note,
                facts,
                matrix,
                results.samples(question.id()),
                figures.texts(),
                textsHref,
                compared);
    }

    private static ResultsView.Fact fact(Page page, ChartNumbers numbers, String key, @Nullable BigDecimal value) {
        return new ResultsView.Fact(page.t(key), value == null ? "—" : numbers.format(value, 2));
    }

    private static String scaleLabel(SurveyDefinition.Question question, int value) {
        if (value == SurveyDefinition.SCALE_MIN && !question.scaleMinLabel().isBlank()) {
            return value + " — " + question.scaleMinLabel();
        }
        if (value == SurveyDefinition.SCALE_MAX && !question.scaleMaxLabel().isBlank()) {
            return value + " — " + question.scaleMaxLabel();
        }
        return Integer.toString(value);
    }

    private static String textsHref(SurveyDefinition definition, SurveyDefinition.Question question, Query query) {
        return "/ankiety/" + definition.survey().id() + "/wyniki/teksty?pytanie=" + question.id()
                + query.filterSuffix();
    }

    /** The share in per cent, or null when nobody answered (no data rather than 0 %). */
    static @Nullable BigDecimal share(long count, long of) {
        if (of == 0) {
            return null;
        }
        return BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
    }

    private static String percent(ChartNumbers numbers, long count, long of) {
        BigDecimal share = share(count, of);
        return share == null ? "—" : ChartNumbers.withUnit(numbers.format(share, 1), "%") + " (" + count + ")";
    }

    private ResultsView.Comparison comparison(
            Page page,
            ChartNumbers numbers,
            SurveyDefinition.Question question,
            Comparison comparison,
            Query query,
            Map<Long, Region> regions) {
        Map<String, Long> respondents = comparison.respondents(question.id());
        List<String> columns = new ArrayList<>();
        List<@Nullable Long> options = new ArrayList<>();
        List<@Nullable Integer> values = new ArrayList<>();
        if (question.type() == QuestionType.SCALE) {
            for (int v = SurveyDefinition.SCALE_MIN; v <= SurveyDefinition.SCALE_MAX; v++) {
                columns.add(scaleLabel(question, v));
                options.add(null);
                values.add(v);
            }
        } else {
            for (Choice option : question.options()) {
                columns.add(option.label());
                options.add(option.id());
                values.add(null);
            }
            if (question.otherOption()) {
                columns.add(page.t("surveys.otherOption"));
                options.add(null);
                values.add(null);
            }
        }
        List<String[]> groups = new ArrayList<>();
        if (query.grouping() == Grouping.REGIONS) {
            for (Region region : query.regionsInOrder()) {
                groups.add(new String[] {Long.toString(region.id()), region.name(page.locale())});
            }
        } else {
            for (InstitutionKind kind : InstitutionKind.values()) {
                groups.add(new String[] {kind.name(), page.t("institution.kind." + kind.name())});
            }
        }
        List<ResultsView.ComparisonRow> rows = new ArrayList<>();
        for (String[] group : groups) {
            long of = respondents.getOrDefault(group[0], 0L);
            if (of == 0) {
                continue;
            }
            List<String> shares = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                long count = comparison.count(question.id(), options.get(i), values.get(i), group[0]);
                shares.add(percent(numbers, count, of));
            }
            rows.add(new ResultsView.ComparisonRow(group[1], shares, Long.toString(of)));
        }
        return new ResultsView.Comparison(
                page.t(
                        query.grouping() == Grouping.REGIONS
                                ? "surveys.results.compare.region"
                                : "surveys.results.compare.kind"),
                columns,
                rows);
    }

    private static String scope(Page page, Query query, Map<Long, Region> regions) {
        List<String> parts = new ArrayList<>();
        Long region = query.filter().regionId();
        if (region != null && regions.containsKey(region)) {
            parts.add(regions.get(region).name(page.locale()));
        }
        InstitutionKind kind = query.filter().kind();
        if (kind != null) {
            parts.add(page.t("institution.kind." + kind.name()));
        }
        return parts.isEmpty()
                ? page.t("surveys.results.scope.all")
                : page.t("surveys.results.scope.some", String.join(", ", parts));
    }

    /** The phase of a survey for the template. */
    static String phaseKey(SurveyPhase phase) {
        return "surveys.phase." + phase.name();
    }
}
