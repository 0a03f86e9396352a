package pl.koordes.shared.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its files and which port it listens on (0: any free port).
 *
 * @param dataDir folder of the database cluster, kept between starts
 * @param port TCP port on the loopback interface; 0 picks a free one
 */
@ConfigurationProperties("koordes.db.embedded")
public record EmbeddedDatabaseProperties(Path dataDir, int port) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "postgres");
        }
    }
}
