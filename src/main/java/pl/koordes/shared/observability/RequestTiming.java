package pl.koordes.shared.observability;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@link RequestTimer} where Spring Boot would put its own observation filter: first but for the request id, for
 * requests and for the second pass of asynchronous ones.
 */
@Configuration(proxyBeanMethods = false)
class RequestTiming {

    // A bean of the filter's own type, so that Spring Boot's observation filter steps back (its condition does not
    // see a registration of a subclass), and a registration for its place and dispatcher types.
    @Bean
    RequestTimer requestTimer(MeterRegistry registry) {
        return new RequestTimer(registry);
    }

    @Bean
    FilterRegistrationBean<RequestTimer> requestTimerRegistration(RequestTimer timer) {
        FilterRegistrationBean<RequestTimer> registration = new FilterRegistrationBean<>(timer);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }
}
