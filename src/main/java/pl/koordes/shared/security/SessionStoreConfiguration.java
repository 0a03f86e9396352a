package pl.koordes.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** How sessions are kept in PostgreSQL (Spring Session JDBC, configured by Spring Boot). */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /**
     * Two requests of one session at once (a double click on a form) may both add the same attribute, such
     * as the message a redirect carries to the next page; Spring Session's plain insert then fails the
     * second request with a duplicate key (500). PostgreSQL's upsert lets the later one win instead.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
