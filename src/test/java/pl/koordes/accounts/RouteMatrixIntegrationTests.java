package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import pl.koordes.accounts.ActorRequests.Measured;
import pl.koordes.accounts.RouteMatrix.Actor;
import pl.koordes.accounts.RouteMatrix.Answer;
import pl.koordes.accounts.RouteMatrix.AuditRule;
import pl.koordes.accounts.RouteMatrix.Row;
import pl.koordes.support.IntegrationTest;

/**
 * Every route the application maps, asked by every kind of visitor: the answer must be the one
 * {@code src/test/resources/route-matrix.md} gives. A mapped route without a row fails, and so does a
 * row whose route is gone, so that each new route comes with its permissions written down.
 */
@IntegrationTest
class RouteMatrixIntegrationTests {

    /**
     * Routes answered by Spring Security's filters rather than a controller (form sign-in and
     * sign-out, see SecurityConfiguration); they have rows like any other route.
     */
    static final Set<String> SECURITY_FILTER_ROUTES = Set.of("POST /logowanie", "POST /wyloguj");

    @Autowired
    WebApplicationContext context;

    RouteMatrix matrix;
    ActorRequests requests;

    @BeforeEach
    void setUp() {
        matrix = RouteMatrix.load();
        requests = new ActorRequests(context);
    }

    @Test
    void everyMappedRouteHasARowAndEveryRowStillMaps() {
        Set<String> mapped = mappedRoutes(context);
        Set<String> rows = new TreeSet<>();
        matrix.rows().forEach(row -> rows.add(row.key()));

        List<String> withoutRow =
                mapped.stream().filter(route -> !rows.contains(route)).toList();
        List<String> gone = rows.stream()
                .filter(route -> !mapped.contains(route) && !SECURITY_FILTER_ROUTES.contains(route))
                .toList();

        StringBuilder message = new StringBuilder();
        if (!withoutRow.isEmpty()) {
            message.append("Routes without a row in ")
                    .append(RouteMatrix.SOURCE_PATH)
                    .append(":\n  ")
                    .append(String.join("\n  ", withoutRow))
                    .append("\n\nRows to paste, filled with the answers observed now. Check every cell against the"
                            + " intended permissions, correct the sample (it must name małopolskie where a region is"
                            + " involved and an existing id), and say why in the note:\n\n")
                    .append(RouteMatrix.line(RouteMatrix.header()))
                    .append('\n');
            for (String route : withoutRow) {
                message.append(observedRow(route)).append('\n');
            }
        }
        if (!gone.isEmpty()) {
            message.append("\nRows in ")
                    .append(RouteMatrix.SOURCE_PATH)
                    .append(" whose route is no longer mapped (remove them or correct method and pattern):\n  ")
                    .append(String.join("\n  ", gone))
                    .append('\n');
        }
        System.out.printf(
                "Route matrix: %d mapped routes (+%d answered by security filters), %d rows × %d actors = %d cells%n",
                mapped.size(),
                SECURITY_FILTER_ROUTES.size(),
                matrix.rows().size(),
                Actor.values().length,
                matrix.rows().size() * Actor.values().length);
        assertThat(message.toString()).as("route matrix coverage").isEmpty();
    }

    @Test
    void noRoutesAreDeclaredAsRouterFunctionsTheMatrixCannotSee() {
        List<String> functional = context.getBeansOfType(RouterFunctionMapping.class).entrySet().stream()
                .filter(e -> e.getValue().getRouterFunction() != null)
                .map(e -> e.getKey() + ": " + e.getValue().getRouterFunction())
                .toList();
        assertThat(functional)
                .as("functional routes are not enumerated by this test; use annotated controllers or extend the test")
                .isEmpty();
    }

    /**
     * The static half of "every change audited": each route that may change something has a line in
     * the "State changes" section naming its audit actions (which must exist) or why it is not audited.
     */
    @Test
    void everyStateChangingRouteNamesItsAuditActions() {
        Set<String> changing = new TreeSet<>(SECURITY_FILTER_ROUTES);
        mappedRoutes(context).stream()
                .filter(route -> !route.startsWith("GET ") && !route.startsWith("* "))
                .forEach(changing::add);
        Set<String> mapped = mappedRoutes(context);
        Map<String, Class<?>> known = AuditActions.all();
        List<String> problems = new ArrayList<>();
        changing.stream()
                .filter(route -> !matrix.audits().containsKey(route))
                .forEach(route -> problems.add("no line in \"State changes\": " + route
                        + " — name its audit actions or say 'not audited: <reason>'"));
        for (AuditRule rule : matrix.audits().values()) {
            if (!mapped.contains(rule.key()) && !SECURITY_FILTER_ROUTES.contains(rule.key())) {
                problems.add("line " + rule.line() + ": " + rule.key() + " is no longer mapped");
            }
            rule.actions().stream()
                    .filter(action -> !known.containsKey(action))
                    .forEach(action -> problems.add("line " + rule.line() + ": " + rule.key() + " names " + action
                            + ", which no AuditAction enum has"));
        }
        assertThat(problems)
                .as("the \"State changes\" section of %s", RouteMatrix.SOURCE_PATH)
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyActorGetsTheExpectedAnswer() {
        return matrix.rows().stream()
                .map(row -> DynamicTest.dynamicTest(row.key() + " (line " + row.line() + ")", () -> {
                    List<String> wrong = new ArrayList<>();
                    AuditRule rule = matrix.audits().get(row.key());
                    boolean measured =
                            !row.method().equals("GET") && !row.method().equals("*") || rule != null;
                    for (Actor actor : Actor.values()) {
                        String expected = row.expected().get(actor);
                        Answer answer;
                        if (measured) {
                            Measured result = requests.measured(actor, row.method(), row.sample());
                            answer = result.answer();
                            unaudited(row, rule, actor, result).ifPresent(wrong::add);
                        } else {
                            answer = requests.request(actor, row.method(), row.sample());
                        }
                        if (!RouteMatrix.matches(expected, answer)) {
                            wrong.add(String.format(
                                    "%-34s expected %-24s got %s", actor, expected, RouteMatrix.describe(answer)));
                        }
                    }
                    assertThat(wrong)
                            .as("%s %s (%s:%d)", row.method(), row.sample(), RouteMatrix.SOURCE_PATH, row.line())
                            .isEmpty();
                }));
    }

    /**
     * The dynamic half of "every change audited": what a request did, measured in its transaction,
     * against its line in "State changes".
     */
    static Optional<String> unaudited(Row row, @Nullable AuditRule rule, Actor actor, Measured result) {
        boolean exempt = rule != null && rule.notAudited() != null;
        if (!result.changedTables().isEmpty() && result.auditActions().isEmpty() && !exempt) {
            return Optional.of(String.format(
                    "%-34s changed %s but wrote no audit line (audit it, or say why not in \"State changes\")",
                    actor, result.changedTables()));
        }
        List<String> unnamed = result.auditActions().stream()
                .filter(action -> rule == null || !rule.actions().contains(action))
                .distinct()
                .toList();
        if (!unnamed.isEmpty()) {
            return Optional.of(String.format(
                    "%-34s wrote audit lines %s that its \"State changes\" line does not name", actor, unnamed));
        }
        boolean auditedRead = row.method().equals("GET") && rule != null && rule.notAudited() == null;
        if (auditedRead
                && result.answer().status() == 200
                && result.auditActions().isEmpty()) {
            return Optional.of(
                    String.format("%-34s downloaded with answer 200 but no audit line %s", actor, rule.actions()));
        }
        return Optional.empty();
    }

    /** Every route of every annotated handler mapping (the application's and the actuator's), as "METHOD pattern". */
    static Set<String> mappedRoutes(WebApplicationContext context) {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.add(Row.key("*", pattern));
                    } else {
                        methods.forEach(method -> routes.add(Row.key(method.name(), pattern)));
                    }
                }
            }
        }
        return routes;
    }

    private String observedRow(String route) {
        String method = route.substring(0, route.indexOf(' '));
        String pattern = route.substring(route.indexOf(' ') + 1);
        String sample = RouteMatrix.guessSample(pattern);
        List<String> cells = new ArrayList<>(List.of(method, pattern, sample));
        Map<Actor, String> observed = new TreeMap<>();
        for (Actor actor : Actor.values()) {
            String outcome;
            try {
                outcome = RouteMatrix.describe(requests.request(actor, method, sample));
            } catch (RuntimeException e) {
                outcome = "?";
            }
            observed.put(actor, outcome);
        }
        cells.addAll(observed.values());
        cells.add("TODO why");
        return RouteMatrix.line(cells);
    }
}
