package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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

    /** Looks the handler up with a {@link RememberingRequest}. */
    static final class RememberingMapping extends RequestMappingHandlerMapping {

        @Override
        protected @Nullable HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
            return super.getHandlerInternal(new RememberingRequest(request));
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

        RememberingRequest(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
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
