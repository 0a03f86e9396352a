package pl.koordes.shared.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import pl.koordes.shared.security.CurrentUserArgumentResolver;

/** Language choice for every page; the error path closed to direct requests; the signed-in person as an argument. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final LanguageResolver languageResolver = new LanguageResolver();

    @Bean
    LanguageResolver localeResolver() {
        return languageResolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(languageResolver);
        registry.addInterceptor(new DirectErrorPathInterceptor()).addPathPatterns("/error");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
    }
}
