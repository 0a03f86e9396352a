package pl.koordes.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a PostgreSQL server inside the application when no external database is configured
 * ({@code koordes.db.url} empty), so that trying KoordES and running its tests needs no set-up.
 * The data stays under {@code ./data/}; the server stops with the application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${koordes.db.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
            StalePostmaster.stopIfRunning(dataDir);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = start(dataDir, properties.port());
            log.info(
                    "Embedded PostgreSQL ready on port {} with data in {} ({} ms)",
                    postgres.getPort(),
                    dataDir,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start in " + dataDir, e);
        }
    }

    /** Starts the server on the folder (created by initdb when it holds no cluster); port 0 picks a free one. */
    static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops the server (destroyMethod) after the context closes; zonky's own hook would stop it
                // too early.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("unix_socket_directories", "")
                // The same durability as a real server: zonky turns synchronous_commit off for tests'
                // speed, which loses acknowledged writes when the database is killed with the
                // application. On for every start, tests included (see docs/operations.md for the cost).
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("")
                .build();
    }
}
