package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
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

    @Test
    void aMappingPassedOverIsOneSpringMvcWouldNotMatch() {
        assertThat(mapping).isInstanceOf(HandlerLookup.RememberingMapping.class);
        Map<RequestMappingInfo, HandlerMethod> handlers = mapping.getHandlerMethods();
        Map<RequestMappingInfo, HandlerLookup.Shape> shapes = new IdentityHashMap<>();
        handlers.keySet().forEach(info -> shapes.put(info, HandlerLookup.Shape.of(info, true)));

        Set<String> paths = new LinkedHashSet<>();
        for (RequestMappingInfo info : handlers.keySet()) {
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

        long passedOver = 0;
        long asked = 0;
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            for (MockHttpServletRequest request : requests(path)) {
                ServletRequestPathUtils.parseAndCache(request);
                HandlerLookup.RememberingRequest remembering = new HandlerLookup.RememberingRequest(request);
                for (RequestMappingInfo info : handlers.keySet()) {
                    asked++;
                    if (shapes.get(info).cannotMatch(remembering)) {
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

    @Test
    void theRequestKnowsItsFirstSegmentAndMethod() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/wydarzenia/12/zapis");
        ServletRequestPathUtils.parseAndCache(request);
        HandlerLookup.RememberingRequest remembering = new HandlerLookup.RememberingRequest(request);
        assertThat(remembering.firstSegment()).isEqualTo("wydarzenia");
        assertThat(remembering.requestMethod()).hasToString("POST");
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
