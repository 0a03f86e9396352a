package pl.koordes.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Language choice for every page; the error path closed to direct requests. */
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
}
