package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The dispatcher asks the actuator's handler mapping only about addresses under the actuator's base path. That mapping
 * comes first (its order is -100), and an address of the application ({@code /koordynacja/malopolskie}) matches none
 * of its paths directly, so it asked each of its endpoints' conditions on every request: in the coordinator page's
 * profile, a third of the handler look-up (2.6 % of the request threads' samples) went there to find nothing. An
 * address whose first segment is the base path's, or one not yet parsed, is asked as before; the health groups' extra
 * paths elsewhere ({@code additional-path}) have a mapping of their own, which is always asked.
 *
 * <p>This is Spring Boot's dispatcher servlet (same bean name, same settings from {@code spring.mvc.*}) with that
 * difference, and redirects made without the view resolvers ({@link EndpointAwareDispatcher#resolveViewName}).
 */
@Configuration(proxyBeanMethods = false)
class EndpointLookup {

    @Bean(name = DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME)
    DispatcherServlet dispatcherServlet(WebMvcProperties mvc, WebEndpointProperties endpoints) {
        EndpointAwareDispatcher dispatcher = new EndpointAwareDispatcher(endpoints.getBasePath());
        dispatcher.setDispatchOptionsRequest(mvc.isDispatchOptionsRequest());
        dispatcher.setDispatchTraceRequest(mvc.isDispatchTraceRequest());
        dispatcher.setPublishEvents(mvc.isPublishRequestHandledEvents());
        dispatcher.setEnableLoggingRequestDetails(mvc.isLogRequestDetails());
        return dispatcher;
    }

    static final class EndpointAwareDispatcher extends DispatcherServlet {

        private static final long serialVersionUID = 1L;

        /** The base path's first segment, lower case; {@code null} when the endpoints sit at the root. */
        private final @Nullable String baseSegment;

        EndpointAwareDispatcher(String basePath) {
            String trimmed = basePath.startsWith("/") ? basePath.substring(1) : basePath;
            int slash = trimmed.indexOf('/');
            String segment = slash < 0 ? trimmed : trimmed.substring(0, slash);
            this.baseSegment = segment.isEmpty() ? null : segment.toLowerCase(Locale.ROOT);
        }

        @Override
        protected @Nullable HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
            List<HandlerMapping> mappings = getHandlerMappings();
            if (mappings == null) {
                return null;
            }
            for (HandlerMapping mapping : mappings) {
                if (mapping instanceof WebMvcEndpointHandlerMapping && surelyElsewhere(request)) {
                    continue;
                }
                HandlerExecutionChain handler = mapping.getHandler(request);
                if (handler != null) {
                    return handler;
                }
            }
            return null;
        }

        /**
         * A {@code redirect:} view name becomes its redirect here, as the view resolvers would make it (relative to
         * the context, {@code 302}/{@code 303} as Spring MVC's defaults send it, the flash attributes saved), without
         * asking them: the content negotiating resolver parsed the request's {@code Accept} header and asked every
         * resolver, and the template resolver set each new address up as a bean and kept it in its cache of views, for
         * a redirect whose address differs every time. Together about 8 % of a comment submission's samples.
         */
        @Override
        protected @Nullable View resolveViewName(
                String viewName, @Nullable Map<String, Object> model, Locale locale, HttpServletRequest request)
                throws Exception {
            if (viewName.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)) {
                RedirectView redirect = new RedirectView(
                        viewName.substring(UrlBasedViewResolver.REDIRECT_URL_PREFIX.length()), true, true);
                redirect.setApplicationContext(getWebApplicationContext());
                return redirect;
            }
            return super.resolveViewName(viewName, model, locale, request);
        }

        /** Whether the address surely lies outside the base path (compared without regard to case, to be safe). */
        boolean surelyElsewhere(HttpServletRequest request) {
            String base = baseSegment;
            if (base == null) {
                return false;
            }
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                return false;
            }
            String path = ServletRequestPathUtils.getParsedRequestPath(request)
                    .pathWithinApplication()
                    .value();
            if (path.equals("/")) {
                return true;
            }
            String first = HandlerLookup.firstSegment(request);
            return first != null && !first.toLowerCase(Locale.ROOT).equals(base);
        }
    }
}
