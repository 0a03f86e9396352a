package pl.koordes.surveys.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.MapShape;
import pl.koordes.directory.PolandMap;
import pl.koordes.directory.Region;
import pl.koordes.shared.charts.BarChart;
import pl.koordes.shared.charts.ChartLanguage;
import pl.koordes.shared.charts.ChartNumbers;
import pl.koordes.shared.charts.Choropleth;
import pl.koordes.shared.charts.ChoroplethView;
import pl.koordes.shared.charts.ClassBreaks;
import pl.koordes.shared.charts.MapArea;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.Paged;
import pl.koordes.shared.web.PublicPage;
import pl.koordes.surveys.QuestionType;
import pl.koordes.surveys.ResponseMode;
import pl.koordes.surveys.ResultsVisibility;
import pl.koordes.surveys.SurveyPhase;
import pl.koordes.surveys.internal.ResultsCache;
import pl.koordes.surveys.internal.ResultsExport;
import pl.koordes.surveys.internal.ResultsFilter;
import pl.koordes.surveys.internal.ResultsQueries;
import pl.koordes.surveys.internal.ResultsQueries.Comparison;
import pl.koordes.surveys.internal.ResultsQueries.Figures;
import pl.koordes.surveys.internal.ResultsQueries.Grouping;
import pl.koordes.surveys.internal.ResultsQueries.RegionRate;
import pl.koordes.surveys.internal.ResultsQueries.Results;
import pl.koordes.surveys.internal.ResultsQueries.TextAnswer;
import pl.koordes.surveys.internal.Survey;
import pl.koordes.surveys.internal.SurveyAudience;
import pl.koordes.surveys.internal.SurveyDefinition;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;
import pl.koordes.surveys.internal.SurveyPermissions;
import pl.koordes.surveys.internal.SurveyStore;

/**
 * A survey's results: per question, counts and shares as bars with a table beside each, means and medians,
 * typed answers listed and searchable, filtered by region and kind of institution and compared across them,
 * the response per region on the map; and the answers as CSV and XLSX. Who sees them is
 * {@link SurveyPermissions#canSeeResults}; a survey not yet published does not exist but for the operator.
 * A fixed number of statements whatever the number of answers or questions ({@link ResultsQueries}).
 */
@Controller
class ResultsController {

    /** Typed answers per page of the texts list. */
    static final int TEXTS_PAGE = 50;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy");

    private final SurveyStore store;
    private final ResultsQueries queries;
    private final ResultsCache cache;
    private final ResultsExport export;
    private final SurveyPermissions permissions;
    private final SurveyAudience audience;
    private final Directory directory;
    private final PolandMap map;
    private final Messages messages;
    private final Clock clock;

    ResultsController(
            SurveyStore store,
            ResultsQueries queries,
            ResultsCache cache,
            ResultsExport export,
            SurveyPermissions permissions,
            SurveyAudience audience,
            Directory directory,
            PolandMap map,
            Messages messages,
            Clock clock) {
        this.store = store;
        this.queries = queries;
        this.cache = cache;
        this.export = export;
        this.permissions = permissions;
        this.audience = audience;
        this.directory = directory;
        this.map = map;
        this.messages = messages;
        this.clock = clock;
    }

    // Anonymous visitors get a 200 only for public results, the same for all of them.
    @PublicPage
    @GetMapping("/ankiety/{id}/wyniki")
    String results(
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            Optional<CurrentUser> user,
            Model model) {
        Page page = (Page) model.getAttribute("page");
        Survey survey = visible(id, user.orElse(null));
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
        boolean operator = permissions.isOperator(user.orElse(null));

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
        Map<Long, RegionRate> rates = queries.regionRates(survey);
        model.addAttribute("survey", survey);
        model.addAttribute("phase", survey.phase(clock.instant()));
        model.addAttribute("results", results);
        model.addAttribute("sections", sections);
        model.addAttribute("query", query);
        model.addAttribute("regions", regions);
        model.addAttribute("kinds", Arrays.asList(InstitutionKind.values()));
        model.addAttribute("rateMap", rateMap(page, language, survey, shapes, rates));
        model.addAttribute("rateSummary", rateSummary(page, survey, rates, regions.size()));
        model.addAttribute("operator", operator);
        model.addAttribute("scope", scope(page, query, regionsById));
        model.addAttribute("suffix", query.suffix());
        return "surveys/results/results";
    }

    @PublicPage
    @GetMapping("/ankiety/{id}/wyniki/teksty")
    String texts(
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            Optional<CurrentUser> user,
            Model model) {
        Survey survey = visible(id, user.orElse(null));
        SurveyDefinition definition = store.definition(survey);
        SurveyDefinition.Question question = textQuestion(definition, parameters.get("pytanie"));
        List<Region> regions = directory.regions();
        Query query = Query.of(parameters, regions);
        String search = parameters.getOrDefault("q", "").strip();
        if (search.codePointCount(0, search.length()) > 200) {
            search = search.substring(0, search.offsetByCodePoints(0, 200));
        }
        Paged<TextAnswer> texts = queries.texts(
                id, question.id(), query.filter(), search, Paged.number(parameters.get("strona")), TEXTS_PAGE);
        int number = 1
                + (int) definition
                        .questions()
                        .takeWhile(q -> q.id() != question.id())
                        .count();
        model.addAttribute("survey", survey);
        model.addAttribute("question", question);
        model.addAttribute("number", number);
        model.addAttribute("texts", texts);
        model.addAttribute("search", search);
        model.addAttribute("query", query);
        model.addAttribute("regions", regions.stream().collect(Collectors.toMap(Region::id, Function.identity())));
        model.addAttribute("operator", permissions.isOperator(user.orElse(null)));
        String base = UriComponentsBuilder.fromPath("/ankiety/" + id + "/wyniki/teksty")
                .queryParam("pytanie", question.id())
                .queryParamIfPresent("q", Optional.of(search).filter(s -> !s.isEmpty()))
                .queryParamIfPresent("wojewodztwo", Optional.ofNullable(query.region()))
                .queryParamIfPresent("rodzaj", Optional.ofNullable(query.kind()))
                .encode()
                .build()
                .toUriString();
        model.addAttribute("base", base);
        return "surveys/results/texts";
    }

    @GetMapping("/ankiety/{id}/wyniki.csv")
    void csv(
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            Optional<CurrentUser> user,
            HttpServletResponse response)
            throws IOException {
        Download download = download(id, parameters, user, "CSV");
        Downloads.attachment(response, ResultsDownloads.CSV, "ankieta-" + id + "-wyniki.csv");
        ResultsDownloads.csv(
                response.getOutputStream(),
                export.header(download.definition(), download.labels()),
                sink -> export.write(download.definition(), download.filter(), download.labels(), sink));
    }

    @GetMapping("/ankiety/{id}/wyniki.xlsx")
    void xlsx(
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            Optional<CurrentUser> user,
            HttpServletResponse response)
            throws IOException {
        Download download = download(id, parameters, user, "XLSX");
        Downloads.attachment(response, ResultsDownloads.XLSX, "ankieta-" + id + "-wyniki.xlsx");
        ResultsDownloads.xlsx(
                response.getOutputStream(),
                "Wyniki",
                export.header(download.definition(), download.labels()),
                sink -> export.write(download.definition(), download.filter(), download.labels(), sink));
    }

    private record Download(SurveyDefinition definition, ResultsFilter filter, ResultsExport.Labels labels) {}

    private Download download(long id, Map<String, String> parameters, Optional<CurrentUser> user, String format) {
        Survey survey = visible(id, user.orElse(null));
        SurveyDefinition definition = store.definition(survey);
        List<Region> regions = directory.regions();
        Query query = Query.of(parameters, regions);
        Locale polish = Locale.forLanguageTag("pl");
        Map<Long, String> names = regions.stream().collect(Collectors.toMap(Region::id, Region::namePl));
        ResultsExport.Labels labels = new ResultsExport.Labels(
                region -> names.getOrDefault(region, ""),
                kind -> messages.get(polish, "institution.kind." + kind),
                messages.get(polish, "surveys.otherOption"));
        export.recordExport(survey, query.filter(), format);
        return new Download(definition, query.filter(), labels);
    }

    /**
     * The survey, when this visitor may see its results: a survey not yet published is not there but for the
     * operator (404); results the visitor may not see are refused (403, or the sign-in page for a visitor).
     */
    private Survey visible(long id, @Nullable CurrentUser user) {
        Survey survey = store.find(id).orElseThrow(() -> new NotFound("survey", id));
        boolean operator = permissions.isOperator(user);
        if (!survey.published() && !operator) {
            throw new NotFound("survey", id);
        }
        boolean answered = false;
        if (!operator && user != null && survey.resultsVisibility() == ResultsVisibility.RESPONDENTS) {
            answered = answered(survey, user);
        }
        if (!permissions.canSeeResults(survey, user, answered)) {
            throw new AccessDeniedException("survey results");
        }
        return survey;
    }

    /** Whether the person (answered per person) or an institution they answer for has submitted an answer. */
    private boolean answered(Survey survey, CurrentUser user) {
        if (survey.responseMode() == ResponseMode.PERSON) {
            return queries.personAnswered(survey.id(), user.id());
        }
        Long institution = audience.respondent(survey, user, false)
                .map(r -> r.institutionId())
                .orElse(null);
        return institution != null && queries.institutionAnswered(survey.id(), institution);
    }

    /** A question whose typed answers are listed: a text question, or a choice question with "inna (jaka?)". */
    private static SurveyDefinition.Question textQuestion(SurveyDefinition definition, @Nullable String parameter) {
        long questionId;
        try {
            questionId = Long.parseLong(parameter == null ? "" : parameter.strip());
        } catch (NumberFormatException e) {
            throw new NotFound("question", String.valueOf(parameter));
        }
        return definition
                .question(questionId)
                .filter(q -> q.type().text() || (q.type().choice() && q.otherOption()))
                .orElseThrow(() -> new NotFound("question", questionId));
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

    /**
     * The response per region on the map, with the table beside it: per institution, whether the region's ROPS
     * answered; per person, when only roles bound to a region are asked (coordinators, committee members, no link),
     * the share of the people holding them in the region who answered; otherwise (participants, experts, anyone with
     * the link: people with no region in their role) the number of answers counted for the region, with the people
     * holding a regional audience role there and how many of them answered beside it.
     */
    private ChoroplethView rateMap(
            Page page, ChartLanguage language, Survey survey, List<MapShape> shapes, Map<Long, RegionRate> rates) {
        List<MapArea> areas = new ArrayList<>();
        for (MapShape shape : shapes) {
            Region region = shape.region();
            areas.add(new MapArea(
                    region.slug(), region.name(page.locale()), shape.path(), shape.labelX(), shape.labelY()));
        }
        boolean perInstitution = survey.responseMode() == ResponseMode.INSTITUTION;
        boolean regional = !ResultsQueries.regionalAudienceRoles(survey).isEmpty();
        boolean onlyRegional = regional
                && !survey.audienceLink()
                && ResultsQueries.regionalAudienceRoles(survey).size()
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
                    chart.value(region.slug(), share(rate.audienceAnswered(), rate.audience()));
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

    private static String rateSummary(Page page, Survey survey, Map<Long, RegionRate> rates, int regions) {
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
