package pl.koordes.surveys.web;

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
import org.springframework.web.util.UriComponentsBuilder;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Paged;
import pl.koordes.shared.web.PublicPage;
import pl.koordes.surveys.internal.ResultsQueries.TextAnswer;
import pl.koordes.surveys.internal.ResultsTexts;
import pl.koordes.surveys.internal.Survey;
import pl.koordes.surveys.internal.SurveyDefinition;
import pl.koordes.surveys.internal.SurveyStore;

/**
 * All typed answers of one question of a survey's results (a text question's, or the "inna (jaka?)" of a choice
 * question), paged and searchable, within the results filter. Apart from {@link ResultsController} because it
 * is its own page; who sees it is {@link ResultsAccess}.
 */
@Controller
class ResultsTextsController {

    /** Typed answers per page of the texts list. */
    static final int TEXTS_PAGE = 50;

    private final SurveyStore store;
    private final ResultsTexts texts;
    private final ResultsAccess access;
    private final Directory directory;

    ResultsTextsController(SurveyStore store, ResultsTexts texts, ResultsAccess access, Directory directory) {
        this.store = store;
        this.texts = texts;
        this.access = access;
        this.directory = directory;
    }

    @PublicPage
    @GetMapping("/ankiety/{id}/wyniki/teksty")
    String texts(
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            Optional<CurrentUser> user,
            Model model) {
        Survey survey = access.visible(id, user.orElse(null));
        SurveyDefinition definition = store.definition(survey);
        SurveyDefinition.Question question = textQuestion(definition, parameters.get("pytanie"));
        List<Region> regions = directory.regions();
        Query query = Query.of(parameters, regions);
        String search = parameters.getOrDefault("q", "").strip();
        if (search.codePointCount(0, search.length()) > 200) {
            search = search.substring(0, search.offsetByCodePoints(0, 200));
        }
        Paged<TextAnswer> page = texts.texts(
                id, question.id(), query.filter(), search, Paged.number(parameters.get("strona")), TEXTS_PAGE);
        int number = 1
                + (int) definition
                        .questions()
                        .takeWhile(q -> q.id() != question.id())
                        .count();
        model.addAttribute("survey", survey);
        model.addAttribute("question", question);
        model.addAttribute("number", number);
        model.addAttribute("texts", page);
        model.addAttribute("search", search);
        model.addAttribute("query", query);
        model.addAttribute("regions", regions.stream().collect(Collectors.toMap(Region::id, Function.identity())));
        model.addAttribute("operator", access.operator(user.orElse(null)));
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
}
