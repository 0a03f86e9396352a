package pl.koordes.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import pl.koordes.shared.security.CurrentUserArgumentResolver;

/**
 * Language choice for every page; the error path closed to direct requests; the signed-in person as
 * an argument; public pages answered as plain cacheable HTTP ({@link PublicAnswers}); forms that create sent once
 * ({@link OnceOnlySubmissions}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Before Spring Session (MIN_VALUE + 50) and Spring Security (-100): a cached page costs neither. */
    private static final int PAGE_CACHE_ORDER = Integer.MIN_VALUE + 40;

    /**
     * Outside the page cache (which keeps and sends its own compressed copies) and Spring Session (whose save at the
     * end of a request must come before the compressed body's end is written).
     */
    private static final int COMPRESSION_ORDER = Integer.MIN_VALUE + 20;

    private final LanguageResolver languageResolver = new LanguageResolver();
    private final ObjectProvider<OnceOnlySubmissions> onceOnlySubmissions;
    private final PublicPageProperties publicPages;
    private final ObjectProvider<PageFactory> pages;

    WebConfiguration(
            ObjectProvider<OnceOnlySubmissions> onceOnlySubmissions,
            PublicPageProperties publicPages,
            ObjectProvider<PageFactory> pages) {
        this.pages = pages;
        this.onceOnlySubmissions = onceOnlySubmissions;
        this.publicPages = publicPages;
    }

    @Bean
    LanguageResolver localeResolver() {
        return languageResolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(languageResolver);
        registry.addInterceptor(new DirectErrorPathInterceptor()).addPathPatterns("/error");
        registry.addInterceptor(new PublicAnswers(publicPages));
        registry.addInterceptor(onceOnlySubmissions.getObject());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
        resolvers.add(new PageArgumentResolver(pages));
    }

    @Bean
    FilterRegistrationBean<PageCompression> pageCompression(PageCompressionProperties properties) {
        FilterRegistrationBean<PageCompression> registration =
                new FilterRegistrationBean<>(new PageCompression(properties));
        registration.setOrder(COMPRESSION_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "koordes.web.page-cache.enabled", matchIfMissing = true)
    AnonymousPageCache anonymousPageCache(PageCacheProperties properties, ObjectProvider<MeterRegistry> meters) {
        AnonymousPageCache cache = new AnonymousPageCache(properties);
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
}
