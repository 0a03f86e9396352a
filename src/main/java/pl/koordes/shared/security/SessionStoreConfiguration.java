package pl.koordes.shared.security;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.env.Environment;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;

/** How sessions are kept in PostgreSQL (Spring Session JDBC, configured by Spring Boot). */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /** Setting: how far a session's last access must move before it is written again (see {@link SparseSessionTouches}). */
    static final String TOUCH_INTERVAL = "koordes.session.touch-interval";

    /**
     * Two requests of one session at once (a double click on a form) may both add the same attribute, such
     * as the message a redirect carries to the next page; Spring Session's plain insert then fails the
     * second request with a duplicate key (500). PostgreSQL's upsert lets the later one win instead.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Session attributes written as Spring Session does by default (Java serialisation), read through {@link
     * KeptSessionAttributes}, which keeps the unchanging ones by their bytes.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> keptSessionAttributes() {
        return repository -> {
            GenericConversionService conversions = new GenericConversionService();
            conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
            conversions.addConverter(
                    byte[].class,
                    Object.class,
                    new KeptSessionAttributes(SessionStoreConfiguration.class.getClassLoader()));
            repository.setConversionService(conversions);
        };
    }

    /**
     * The store reads a session without a transaction of its own, and writes as before ({@link SessionReads}). Set on
     * Spring Session's configuration before it builds the store, as its {@code springSessionTransactionOperations}
     * would be; not a bean of that type, which would take the place of Spring Boot's {@code TransactionTemplate}.
     */
    @Bean
    static BeanPostProcessor sessionReads(ObjectProvider<PlatformTransactionManager> transactionManager) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(new SessionReads(transactionManager));
                }
                return bean;
            }
        };
    }

    /**
     * Puts {@link SparseSessionTouches} in front of the store Spring Boot configures, so that a signed-in page
     * with no change to its session writes nothing. A post-processor keeps every setting Spring Boot applies to
     * the store (table, time-out, clean-up, the customizer above) instead of building the store again here.
     */
    @Bean
    static BeanPostProcessor sparseSessionTouches(Environment environment) {
        Duration interval =
                Binder.get(environment).bind(TOUCH_INTERVAL, Duration.class).orElse(Duration.ofMinutes(1));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof FindByIndexNameSessionRepository<?> store
                        && !(bean instanceof SparseSessionTouches<?>)) {
                    return SparseSessionTouches.around(store, interval);
                }
                return bean;
            }
        };
    }
}
