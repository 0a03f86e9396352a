package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler look-up, given a request that answers its repeated questions from memory. An address with a
 * variable in it ({@code /aktualnosci/{slug}}, every form's POST to such an address) matches no mapping directly, so
 * Spring MVC asks every one of the application's several hundred mappings whether it matches, and each asks the
 * request for its method, its parsed path (an attribute) and some headers. The request reaching the dispatcher is
 * wrapped by a dozen filters (the firewall, Spring Security, Spring Session, ours), so each answer went through all
 * of them: in the comment submissions' profile, the handler look-up was a tenth of the CPU, four tenths of it in the
 * wrappers. Here the method and the headers are read once (they do not change), and attributes once each until the
 * look-up itself sets one. Which handler is chosen, and everything Spring MVC does around it (the best match, 405
 * and 415 answers, CORS), is unchanged: only the request it asks is different.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

    @Bean
    WebMvcRegistrations rememberingHandlerLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new RememberingMapping();
            }
        };
    }

    /**
     * Looks the handler up with a {@link RememberingRequest}, and passes over at once the mappings that cannot match
     * it: another HTTP method, or another literal first segment of the address ({@code /redakcja/...} for a request
     * to {@code /wydarzenia/2/zapis}). Spring MVC still asks every mapping, but for most of them the answer is now
     * two comparisons instead of its conditions one by one (the registration bench: 10 % of the request threads'
     * samples in the look-up, most of it in the method and path conditions of mappings that could never match). A
     * mapping that may match is asked in full, as before; a mapping registered after start-up always is.
     */
    static final class RememberingMapping extends RequestMappingHandlerMapping {

        private volatile Map<RequestMappingInfo, Shape> shapes = Map.of();

        @Override
        protected @Nullable HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
            return super.getHandlerInternal(new RememberingRequest(request));
        }

        @Override
        protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
            super.handlerMethodsInitialized(handlerMethods);
            // The keys are the registry's own objects, the ones the look-up asks about: known by identity.
            Map<RequestMappingInfo, Shape> known = new IdentityHashMap<>();
            boolean caseSensitive =
                    getPatternParser() != null && getPatternParser().isCaseSensitive();
            for (RequestMappingInfo info : handlerMethods.keySet()) {
                known.put(info, Shape.of(info, caseSensitive));
            }
            this.shapes = known;
        }

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            if (request instanceof RememberingRequest remembering) {
                Shape shape = shapes.get(info);
                if (shape != null && shape.cannotMatch(remembering)) {
                    return null;
                }
            }
            return super.getMatchingMapping(info, request);
        }
    }

    /**
     * What of a mapping can be compared at once: its HTTP methods (empty: any) and the literal first segment that all
     * its address patterns share ({@code null}: a variable or a wildcard there, or patterns that differ).
     */
    record Shape(Set<RequestMethod> methods, @Nullable String firstSegment) {

        static Shape of(RequestMappingInfo info, boolean caseSensitive) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            String shared = null;
            if (caseSensitive && paths != null && !paths.getPatterns().isEmpty()) {
                for (PathPattern pattern : paths.getPatterns()) {
                    String segment = literalFirstSegment(pattern.getPatternString());
                    if (segment == null || (shared != null && !shared.equals(segment))) {
                        shared = null;
                        break;
                    }
                    shared = segment;
                }
            }
            return new Shape(methods.isEmpty() ? Set.of() : EnumSet.copyOf(methods), shared);
        }

        /** As Spring MVC's method condition and a pattern's first element would answer, when they surely say no. */
        boolean cannotMatch(RememberingRequest request) {
            if (!methods.isEmpty() && !request.preFlight()) {
                RequestMethod method = request.requestMethod();
                boolean allowed = method != null
                        && (methods.contains(method)
                                || (method == RequestMethod.HEAD && methods.contains(RequestMethod.GET)));
                if (!allowed) {
                    return true;
                }
            }
            if (firstSegment != null) {
                String requested = request.firstSegment();
                return requested != null && !requested.equals(firstSegment);
            }
            return false;
        }

        private static @Nullable String literalFirstSegment(String pattern) {
            if (pattern.length() < 2 || pattern.charAt(0) != '/') {
                return null;
            }
            int end = pattern.indexOf('/', 1);
            String segment = end < 0 ? pattern.substring(1) : pattern.substring(1, end);
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c == '{' || c == '}' || c == '*' || c == '?' || c == '\\' || c == ';' || c == '%') {
                    return null;
                }
            }
            return segment.isEmpty() ? null : segment;
        }
    }

    /**
     * The request during one look-up: its method and headers read once; attributes read once each, and what the
     * look-up sets (the matched pattern, the address's variables) written through and remembered.
     */
    static final class RememberingRequest extends HttpServletRequestWrapper {

        private static final Object ABSENT = new Object();

        private final String method;
        private final Map<String, Object> attributes = new HashMap<>();
        private final Map<String, Object> headers = new HashMap<>();

        private @Nullable Boolean preFlight;
        private @Nullable String firstSegment;
        private boolean firstSegmentRead;

        RememberingRequest(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Nullable
        RequestMethod requestMethod() {
            return RequestMethod.resolve(method);
        }

        boolean preFlight() {
            Boolean known = preFlight;
            if (known == null) {
                known = CorsUtils.isPreFlightRequest(this);
                preFlight = known;
            }
            return known;
        }

        /**
         * The first segment of the address as the patterns match it (decoded, without its ";" parameters), or
         * {@code null} when the address does not begin with one segment after one "/".
         */
        @Nullable
        String firstSegment() {
            if (!firstSegmentRead) {
                firstSegmentRead = true;
                if (ServletRequestPathUtils.hasParsedRequestPath(this)) {
                    List<PathContainer.Element> elements = ServletRequestPathUtils.getParsedRequestPath(this)
                            .pathWithinApplication()
                            .elements();
                    if (elements.size() >= 2
                            && elements.get(0) instanceof PathContainer.Separator
                            && elements.get(1) instanceof PathContainer.PathSegment segment) {
                        firstSegment = segment.valueToMatch();
                    }
                }
            }
            return firstSegment;
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public @Nullable String getHeader(String name) {
            Object value = headers.computeIfAbsent(name, n -> {
                String header = super.getHeader(n);
                return header == null ? ABSENT : header;
            });
            return value == ABSENT ? null : (String) value;
        }

        @Override
        public @Nullable Object getAttribute(String name) {
            Object value = attributes.computeIfAbsent(name, n -> {
                Object attribute = super.getAttribute(n);
                return attribute == null ? ABSENT : attribute;
            });
            return value == ABSENT ? null : value;
        }

        @Override
        public void setAttribute(String name, @Nullable Object value) {
            super.setAttribute(name, value);
            attributes.put(name, value == null ? ABSENT : value);
        }

        @Override
        public void removeAttribute(String name) {
            super.removeAttribute(name);
            attributes.put(name, ABSENT);
        }
    }
}
