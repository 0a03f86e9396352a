package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import pl.koordes.support.IntegrationTest;

/**
 * The handler look-up's quick answers ({@link HandlerLookup.Shape}) never pass over a mapping that Spring MVC's own
 * conditions would match: every address pattern of the application, filled in, asked with several methods, a CORS
 * pre-flight, an encoded, a ";"-parameter, an upper-case and a trailing-slash variant, against every mapping.
 */
@IntegrationTest
class HandlerLookupIntegrationTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    DispatcherServlet dispatcher;

    @Test
    void theDispatcherAsksTheActuatorOnlyAboutItsOwnAddresses() {
        assertThat(dispatcher).isInstanceOf(EndpointLookup.EndpointAwareDispatcher.class);
    }

    @Test
    void aMappingPassedOverIsOneSpringMvcWouldNotMatch() {
        assertThat(mapping).isInstanceOf(HandlerLookup.RememberingMapping.class);
        Map<RequestMappingInfo, HandlerMethod> handlers = mapping.getHandlerMethods();
        Map<RequestMappingInfo, HandlerLookup.Shape> shapes = new IdentityHashMap<>();
        handlers.keySet().forEach(info -> shapes.put(info, HandlerLookup.Shape.of(info, true)));

        Set<String> paths = addresses(handlers.keySet());

        long passedOver = 0;
        long asked = 0;
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            for (MockHttpServletRequest request : requests(path)) {
                ServletRequestPathUtils.parseAndCache(request);
                HandlerLookup.RememberingRequest remembering = new HandlerLookup.RememberingRequest(request);
                for (RequestMappingInfo info : handlers.keySet()) {
                    asked++;
                    if (shapes.get(info)
                            .cannotMatch(
                                    remembering.requestMethod(), remembering.preFlight(), remembering.firstSegment())) {
                        passedOver++;
                        if (info.getMatchingCondition(request) != null) {
                            wrong.add(request.getMethod() + " " + path + " passed over " + info);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        // Most mappings are passed over for most requests: the point of it.
        assertThat(passedOver).isGreaterThan(asked * 8 / 10);
    }

    /**
     * The look-up among the kept lists answers every request as Spring MVC's own look-up over every mapping: the same
     * handler, or the same refusal (404, 405, 406, 415), and the same matched pattern, address variables and media
     * types for the dispatcher to read afterwards.
     */
    @Test
    void theKeptListsChooseTheHandlerSpringMvcChooses() throws Exception {
        assertThat(mapping).isInstanceOf(HandlerLookup.RememberingMapping.class);
        HandlerLookup.RememberingMapping remembering = (HandlerLookup.RememberingMapping) mapping;
        List<String> wrong = new ArrayList<>();
        long answered = 0;
        for (String path : addresses(mapping.getHandlerMethods().keySet())) {
            for (MockHttpServletRequest request : requests(path)) {
                MockHttpServletRequest copy = copyOf(request);
                String kept = lookedUp(remembering, request, true);
                String own = lookedUp(remembering, copy, false);
                if (!kept.equals(own)) {
                    wrong.add(request.getMethod() + " " + path + ": " + kept + " instead of " + own);
                }
                if (!own.startsWith("refused") && !own.startsWith("none")) {
                    answered++;
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(answered).isGreaterThan(200);
    }

    /** What a look-up answered and left on the request, as text to compare. */
    private static String lookedUp(
            HandlerLookup.RememberingMapping mapping, MockHttpServletRequest request, boolean kept) {
        ServletRequestPathUtils.parseAndCache(request);
        String lookupPath = UrlPathHelper.defaultInstance.removeSemicolonContent(
                ServletRequestPathUtils.getParsedRequestPath(request)
                        .pathWithinApplication()
                        .value());
        HandlerMethod handler;
        try {
            handler = mapping.lookUp(lookupPath, new HandlerLookup.RememberingRequest(request), kept);
        } catch (Exception refused) {
            return "refused " + refused.getClass().getSimpleName();
        }
        if (handler == null) {
            return "none";
        }
        return handler + " | " + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) + " | "
                + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) + " | "
                + request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) + " | "
                + request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
    }

    private static MockHttpServletRequest copyOf(MockHttpServletRequest request) {
        MockHttpServletRequest copy = new MockHttpServletRequest(request.getMethod(), request.getRequestURI());
        copy.setContentType(request.getContentType());
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                copy.addHeader(name, value);
            }
        }
        return copy;
    }

    @Test
    void theRequestKnowsItsFirstSegmentAndMethod() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/wydarzenia/12/zapis");
        ServletRequestPathUtils.parseAndCache(request);
        HandlerLookup.RememberingRequest remembering = new HandlerLookup.RememberingRequest(request);
        assertThat(remembering.firstSegment()).isEqualTo("wydarzenia");
        assertThat(remembering.requestMethod()).hasToString("POST");
    }

    /**
     * Every address pattern of the application filled in, and its variants: a trailing slash, upper case, a
     * ";"-parameter in the first segment, the first letter percent-encoded; and two that have no first segment.
     */
    private static Set<String> addresses(Set<RequestMappingInfo> mappings) {
        Set<String> paths = new LinkedHashSet<>();
        for (RequestMappingInfo info : mappings) {
            PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
            if (patterns != null) {
                for (PathPattern pattern : patterns.getPatterns()) {
                    String path = filledIn(pattern.getPatternString());
                    paths.add(path);
                    paths.add(path + "/");
                    paths.add(path.toUpperCase(Locale.ROOT));
                    int second = path.indexOf('/', 1);
                    String first = second < 0 ? path : path.substring(0, second);
                    String rest = second < 0 ? "" : path.substring(second);
                    paths.add(first + ";v=1" + rest);
                    if (first.length() > 1) {
                        paths.add("/%" + Integer.toHexString(first.charAt(1)) + first.substring(2) + rest);
                    }
                }
            }
        }
        paths.add("/");
        paths.add("//wydarzenia");
        return paths;
    }

    private static List<MockHttpServletRequest> requests(String path) {
        List<MockHttpServletRequest> requests = new ArrayList<>();
        for (String method : List.of("GET", "HEAD", "POST", "DELETE", "OPTIONS", "PROPFIND")) {
            requests.add(new MockHttpServletRequest(method, path));
        }
        MockHttpServletRequest preFlight = new MockHttpServletRequest("OPTIONS", path);
        preFlight.addHeader("Origin", "https://inna.example");
        preFlight.addHeader("Access-Control-Request-Method", "POST");
        requests.add(preFlight);
        MockHttpServletRequest form = new MockHttpServletRequest("POST", path);
        form.setContentType("application/x-www-form-urlencoded");
        form.addHeader("Content-Type", "application/x-www-form-urlencoded");
        requests.add(form);
        MockHttpServletRequest json = new MockHttpServletRequest("GET", path);
        json.addHeader("Accept", "application/json");
        requests.add(json);
        return requests;
    }

    /** A pattern with its variables and wildcards filled in with values a request could carry. */
    private static String filledIn(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "a/b")
                .replaceAll("\\{[^}]*}", "12")
                .replace("**", "a/b")
                .replace("*", "x");
    }
}
