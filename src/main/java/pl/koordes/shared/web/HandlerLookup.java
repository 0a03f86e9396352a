package pl.koordes.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's look-up of the controller method for a request, with the mappings that can match a path worked out once
 * per path. Spring finds a path without variables ({@code /konto}) in a map, but a path with one
 * ({@code /koordynacja/malopolskie}) by trying every mapping of the application in turn, all conditions of each
 * (issue 19, item 5). Here the mappings whose path patterns match a path are kept per path (a bounded cache), and only
 * those are tried, with Spring's own rules: the mappings of the path's exact address first, the others only when none
 * of those matches; the best by Spring's comparator. Anything out of the ordinary — no match (405, 406 or 404 are
 * worked out from every mapping), two equally good matches, a CORS preflight, a mapping not made of path patterns — is
 * left to Spring's look-up as it is.
 */
final class HandlerLookup extends RequestMappingHandlerMapping {

    /** The mappings that may match one path: those naming it exactly, then those whose patterns match it. */
    private record Candidates(List<RequestMappingInfo> direct, List<RequestMappingInfo> patterned) {}

    private final Cache<String, Candidates> candidates =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private volatile @Nullable Map<RequestMappingInfo, HandlerMethod> methods;

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        Map<RequestMappingInfo, HandlerMethod> known = methods();
        if (known == null || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Candidates forPath = candidates.get(lookupPath, path -> candidates(path, known));
        List<Match> matches = matching(forPath.direct(), request);
        if (matches.isEmpty()) {
            matches = matching(forPath.patterned(), request);
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Match best = matches.getFirst();
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
            matches.sort((one, other) -> comparator.compare(one.match(), other.match()));
            best = matches.getFirst();
            if (comparator.compare(best.match(), matches.get(1).match()) == 0) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
        }
        HandlerMethod handler = known.get(best.registered());
        if (handler == null) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(best.match(), lookupPath, request);
        return handler;
    }

    /** A registered mapping and what it became for this request. */
    private record Match(RequestMappingInfo registered, RequestMappingInfo match) {}

    private List<Match> matching(List<RequestMappingInfo> mappings, HttpServletRequest request) {
        List<Match> matches = new ArrayList<>(2);
        for (RequestMappingInfo mapping : mappings) {
            RequestMappingInfo match = getMatchingMapping(mapping, request);
            if (match != null) {
                matches.add(new Match(mapping, match));
            }
        }
        return matches;
    }

    private static Candidates candidates(String path, Map<RequestMappingInfo, HandlerMethod> known) {
        PathContainer parsed = PathContainer.parsePath(path);
        List<RequestMappingInfo> direct = new ArrayList<>();
        List<RequestMappingInfo> patterned = new ArrayList<>();
        for (RequestMappingInfo mapping : known.keySet()) {
            if (mapping.getDirectPaths().contains(path)) {
                direct.add(mapping);
            }
            if (mayMatch(mapping, parsed)) {
                patterned.add(mapping);
            }
        }
        return new Candidates(List.copyOf(direct), List.copyOf(patterned));
    }

    /** Whether a mapping's path patterns match the path (other conditions are tried per request). */
    private static boolean mayMatch(RequestMappingInfo mapping, PathContainer path) {
        PathPatternsRequestCondition condition = mapping.getPathPatternsCondition();
        if (condition == null || condition.isEmptyPathMapping()) {
            return true;
        }
        for (PathPattern pattern : condition.getPatterns()) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private @Nullable Map<RequestMappingInfo, HandlerMethod> methods() {
        Map<RequestMappingInfo, HandlerMethod> known = methods;
        if (known == null) {
            Map<RequestMappingInfo, HandlerMethod> registered = getHandlerMethods();
            if (registered.keySet().stream().anyMatch(mapping -> mapping.getPathPatternsCondition() == null)) {
                return null;
            }
            known = Map.copyOf(registered);
            methods = known;
        }
        return known;
    }

    private void forget() {
        methods = null;
        candidates.invalidateAll();
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        forget();
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        forget();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        forget();
    }
}
