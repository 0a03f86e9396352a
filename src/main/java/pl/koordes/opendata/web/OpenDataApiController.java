package pl.koordes.opendata.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import pl.koordes.opendata.internal.ApiCache;
import pl.koordes.opendata.internal.ApiJson;
import pl.koordes.opendata.internal.ApiProblem;
import pl.koordes.opendata.internal.ApiProperties;
import pl.koordes.opendata.internal.ApiQueries;
import pl.koordes.opendata.internal.OpenDataAnswers;
import pl.koordes.shared.opendata.PublicDataset;

/**
 * The open-data API: {@code GET /api/v1} lists the collections, {@code /api/v1/<name>} gives a page of
 * one, {@code /api/v1/<name>/<id>} one item and {@code /api/v1/<name>.csv} the whole collection for a
 * spreadsheet. Every answer carries an {@code ETag}, {@code Last-Modified} and
 * {@code Cache-Control: public}, and a matching conditional request gets {@code 304} from memory; every
 * refusal is an RFC 9457 problem (see {@link OpenDataFilter} for those made before a controller runs).
 */
@RestController
class OpenDataApiController {

    private static final Logger log = LoggerFactory.getLogger(OpenDataApiController.class);

    /** What an item's id may look like; anything else is simply not there. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final OpenDataAnswers answers;
    private final ApiProperties properties;

    OpenDataApiController(OpenDataAnswers answers, ApiProperties properties) {
        this.answers = answers;
        this.properties = properties;
    }

    @GetMapping(OpenDataAnswers.BASE)
    void index(HttpServletRequest request, HttpServletResponse response) throws IOException {
        noParameters(request);
        send(answers.index(), request, response);
    }

    /** The DCAT-AP-PL catalogue for the national open-data portal's harvester. */
    @GetMapping(OpenDataAnswers.BASE + "/catalog.rdf")
    void catalogue(HttpServletRequest request, HttpServletResponse response) throws IOException {
        noParameters(request);
        send(answers.catalogue(), request, response);
    }

    @GetMapping(OpenDataAnswers.BASE + "/{name}")
    void list(@PathVariable String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        PublicDataset dataset = answers.dataset(name);
        ApiQueries.Checked query =
                ApiQueries.check(request.getParameterMap(), dataset.filters(), answers.regions(), true);
        send(answers.page(dataset, query), request, response);
    }

    @GetMapping(OpenDataAnswers.BASE + "/{name}.csv")
    void csv(@PathVariable String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        PublicDataset dataset = answers.dataset(name);
        ApiQueries.Checked query =
                ApiQueries.check(request.getParameterMap(), dataset.filters(), answers.regions(), false);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + dataset.name() + ".csv\"");
        send(answers.csv(dataset, query), request, response);
    }

    @GetMapping(OpenDataAnswers.BASE + "/{name}/{id}")
    void item(
            @PathVariable String name,
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        PublicDataset dataset = answers.dataset(name);
        noParameters(request);
        if (!ID.matcher(id).matches()) {
            throw ApiProblem.notFound("W zbiorze „" + dataset.name() + "” nie ma takiego elementu.");
        }
        send(answers.item(dataset, id), request, response);
    }

    /** Any other address under the API, and any method but GET and HEAD. */
    @RequestMapping({OpenDataAnswers.BASE + "/**"})
    void other(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            throw ApiProblem.notFound(ApiJson.detailOf(404));
        }
        response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS");
        if (method.equals("OPTIONS")) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        throw new ApiProblem(405, ApiJson.detailOf(405), null);
    }

    @ExceptionHandler(ApiProblem.class)
    void refused(ApiProblem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        OpenDataFilter.problem(response, problem.status(), problem.detail(), problem.parameter(), request);
    }

    /** A parameter name or value Spring Security's firewall refuses when the parameters are read. */
    @ExceptionHandler(RequestRejectedException.class)
    void rejected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OpenDataFilter.problem(response, 400, "Niedozwolone znaki w parametrach zapytania.", null, request);
    }

    /** Whatever else fails is a 500 problem that says nothing of the cause. */
    @ExceptionHandler(Exception.class)
    void failed(Exception failure, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), failure);
        if (!response.isCommitted()) {
            response.reset();
            OpenDataFilter.problem(response, 500, ApiJson.detailOf(500), null, request);
        }
    }

    private static void noParameters(HttpServletRequest request) {
        if (!request.getParameterMap().isEmpty()) {
            String first = request.getParameterNames().nextElement();
            throw ApiProblem.badParameter(
                    first.matches("[A-Za-z0-9_.-]{1,40}") ? first : "(nieznany)",
                    "Ten adres nie przyjmuje parametrów.");
        }
    }

    /** The answer, or 304 when the request's validators match it. */
    private void send(ApiCache.Answer answer, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(
                HttpHeaders.CACHE_CONTROL,
                "public, max-age=" + properties.maxAge().toSeconds());
        if (answer.link() != null && !answer.link().isEmpty()) {
            response.setHeader(HttpHeaders.LINK, answer.link());
        }
        // The answer, for KeptAnswers to replay to the same request while it stays fresh.
        request.setAttribute(KeptAnswers.ANSWER, answer);
        ServletWebRequest web = new ServletWebRequest(request, response);
        if (web.checkNotModified(answer.etag(), answer.lastModified().toEpochMilli())) {
            return;
        }
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
