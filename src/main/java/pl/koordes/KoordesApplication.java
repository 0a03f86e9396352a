package pl.koordes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import pl.koordes.shared.database.EmbeddedBackup;

/** KoordES: the working home of the national social-economy support programme. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KoordesApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("backup")) {
            // java -jar koordes.jar backup <file>: the embedded database's backup (docs/operations.md).
            System.exit(EmbeddedBackup.run(args, System.out));
        }
        SpringApplication.run(KoordesApplication.class, args);
    }
}
