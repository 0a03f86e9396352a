package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
     * Looks the handler up with a {@link RememberingRequest}, among only the mappings that may match it. A mapping of
     * another HTTP method, or whose address patterns all begin with another literal first segment
     * ({@code /redakcja/...} for a request to {@code /wydarzenia/2/zapis}), cannot; the mappings left for a method and
     * a first segment are listed once and kept (the registration bench: 10 % of the request threads' samples in the
     * look-up, most of it in the method and path conditions of mappings that could never match, then a third of what
     * was left in walking past them). When exactly one of them matches, it is the handler Spring MVC would have chosen
     * (every mapping that matches is among them), and it is answered as Spring MVC answers it; with none (a 404 or a
     * 405 to explain), several (the best one to choose), a CORS pre-flight, a method Spring MVC has no name for, or a
     * mapping registered after start-up, Spring MVC's own look-up runs as before, its conditions still passing over at
     * once the mappings that cannot match.
     */
    static final class RememberingMapping extends RequestMappingHandlerMapping {

        /** What the mappings left for one request depend on; {@code segment} is {@code null} for an unknown one. */
        private record Candidates(
                RequestMethod method, @Nullable String segment) {}

        private volatile Map<RequestMappingInfo, Shape> shapes = Map.of();
        private volatile Map<RequestMappingInfo, HandlerMethod> handlers = Map.of();
        /** The literal first segments of the mappings: any other segment shares one list, so this stays bounded. */
        private volatile Set<String> segments = Set.of();

        private final Map<Candidates, List<RequestMappingInfo>> candidates = new ConcurrentHashMap<>();
        private volatile boolean changedSinceStart;

        @Override
        protected @Nullable HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
            return super.getHandlerInternal(new RememberingRequest(request));
        }

        @Override
        protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
            super.handlerMethodsInitialized(handlerMethods);
            // The keys are the registry's own objects, the ones the look-up asks about: known by identity.
            Map<RequestMappingInfo, Shape> known = new IdentityHashMap<>();
            Map<RequestMappingInfo, HandlerMethod> methods = new IdentityHashMap<>();
            Set<String> literal = new HashSet<>();
            boolean caseSensitive =
                    getPatternParser() != null && getPatternParser().isCaseSensitive();
            handlerMethods.forEach((info, handler) -> {
                Shape shape = Shape.of(info, caseSensitive);
                known.put(info, shape);
                methods.put(info, handler);
                if (shape.firstSegment() != null) {
                    literal.add(shape.firstSegment());
                }
            });
            this.shapes = known;
            this.handlers = methods;
            this.segments = Set.copyOf(literal);
            candidates.clear();
        }

        // A mapping added or removed while running is not in the kept lists: from then on Spring MVC's look-up runs.
        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
            changedSinceStart = true;
            super.registerMapping(mapping, handler, method);
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            changedSinceStart = true;
            super.unregisterMapping(mapping);
        }

        @Override
        protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                throws Exception {
            return lookUp(lookupPath, request, !changedSinceStart);
        }

        /** The look-up, among the kept lists of mappings that may match when {@code kept}, else Spring MVC's own. */
        @Nullable
        HandlerMethod lookUp(String lookupPath, HttpServletRequest request, boolean kept) throws Exception {
            if (kept && request instanceof RememberingRequest remembering && !remembering.preFlight()) {
                RequestMethod method = remembering.requestMethod();
                String segment = remembering.firstSegment();
                if (method != null && segment != null) {
                    RequestMappingInfo original = null;
                    RequestMappingInfo matched = null;
                    for (RequestMappingInfo info : candidates(method, segment)) {
                        RequestMappingInfo match = super.getMatchingMapping(info, request);
                        if (match != null) {
                            if (matched != null) {
                                return super.lookupHandlerMethod(lookupPath, request);
                            }
                            original = info;
                            matched = match;
                        }
                    }
                    HandlerMethod handler = original == null ? null : handlers.get(original);
                    if (matched != null && handler != null) {
                        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
                        handleMatch(matched, lookupPath, request);
                        return handler;
                    }
                }
            }
            // Spring MVC's own look-up: every mapping asked, the quick answers of {@link Shape} still used.
            return super.lookupHandlerMethod(lookupPath, request);
        }

        private List<RequestMappingInfo> candidates(RequestMethod method, String segment) {
            Candidates key = new Candidates(method, segments.contains(segment) ? segment : null);
            return candidates.computeIfAbsent(key, k -> {
                // An unknown segment stands for any: only the mappings with no literal first segment may match it.
                String asked = k.segment() == null ? UNKNOWN_SEGMENT : k.segment();
                List<RequestMappingInfo> may = new ArrayList<>();
                shapes.forEach((info, shape) -> {
                    if (!shape.cannotMatch(k.method(), false, asked)) {
                        may.add(info);
                    }
                });
                return List.copyOf(may);
            });
        }

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            if (request instanceof RememberingRequest remembering) {
                Shape shape = shapes.get(info);
                if (shape != null
                        && shape.cannotMatch(
                                remembering.requestMethod(), remembering.preFlight(), remembering.firstSegment())) {
                    return null;
                }
            }
            return super.getMatchingMapping(info, request);
        }
    }

    /**
     * The first segment of a request's address as the patterns match it (decoded, without its ";" parameters), or
     * {@code null} when the address does not begin with one segment after one "/" or has not been parsed yet.
     */
    static @Nullable String firstSegment(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return null;
        }
        List<PathContainer.Element> elements = ServletRequestPathUtils.getParsedRequestPath(request)
                .pathWithinApplication()
                .elements();
        if (elements.size() >= 2
                && elements.get(0) instanceof PathContainer.Separator
                && elements.get(1) instanceof PathContainer.PathSegment segment) {
            return segment.valueToMatch();
        }
        return null;
    }

    /** A first segment no literal one equals ("/" cannot be in a segment). */
    private static final String UNKNOWN_SEGMENT = "/";

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

        /**
         * As Spring MVC's method condition and a pattern's first element would answer, when they surely say no, to a
         * request with this method ({@code null}: one Spring MVC has no name for), pre-flight or not, and this first
         * segment ({@code null}: not known).
         */
        boolean cannotMatch(@Nullable RequestMethod method, boolean preFlight, @Nullable String requested) {
            if (!methods.isEmpty() && !preFlight) {
                boolean allowed = method != null
                        && (methods.contains(method)
                                || (method == RequestMethod.HEAD && methods.contains(RequestMethod.GET)));
                if (!allowed) {
                    return true;
                }
            }
            if (firstSegment != null) {
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
                firstSegment = HandlerLookup.firstSegment(this);
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
