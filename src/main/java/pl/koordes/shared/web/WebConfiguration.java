package pl.koordes.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import pl.koordes.shared.security.CurrentUserArgumentResolver;

/**
 * Language choice for every page; the error path closed to direct requests; the signed-in person as
 * an argument; public pages marked for the anonymous page cache; forms that create sent once
 * ({@link OnceOnlySubmissions}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Before Spring Session (MIN_VALUE + 50) and Spring Security (-100): a cached page costs neither. */
    private static final int PAGE_CACHE_ORDER = Integer.MIN_VALUE + 40;

    private final LanguageResolver languageResolver = new LanguageResolver();
    private final ObjectProvider<OnceOnlySubmissions> onceOnlySubmissions;

    WebConfiguration(ObjectProvider<OnceOnlySubmissions> onceOnlySubmissions) {
        this.onceOnlySubmissions = onceOnlySubmissions;
    }

    @Bean
    LanguageResolver localeResolver() {
        return languageResolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(languageResolver);
        registry.addInterceptor(new DirectErrorPathInterceptor()).addPathPatterns("/error");
        registry.addInterceptor(new PublicPageMarker());
        registry.addInterceptor(onceOnlySubmissions.getObject());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "koordes.web.page-cache.enabled", matchIfMissing = true)
    AnonymousPageCache anonymousPageCache(
            PageCacheProperties properties,
            CsrfTokenRepository csrfTokenRepository,
            ObjectProvider<MeterRegistry> meters) {
        AnonymousPageCache cache = new AnonymousPageCache(properties, csrfTokenRepository);
        meters.ifAvailable(
                registry -> CaffeineCacheMetrics.monitor(registry, (Cache<?, ?>) cache.cache(), "anonymous-pages"));
        return cache;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "koordes.web.page-cache.enabled", matchIfMissing = true)
    FilterRegistrationBean<AnonymousPageCache> anonymousPageCacheRegistration(AnonymousPageCache cache) {
        FilterRegistrationBean<AnonymousPageCache> registration = new FilterRegistrationBean<>(cache);
        registration.setOrder(PAGE_CACHE_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Tells the page cache, before the handler writes, that its answer is a {@link PublicPage}. */
    private static final class PublicPageMarker implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method
                    && (method.hasMethodAnnotation(PublicPage.class)
                            || method.getBeanType().isAnnotationPresent(PublicPage.class))) {
                request.setAttribute(AnonymousPageCache.PUBLIC, Boolean.TRUE);
            }
            return true;
        }
    }
}
