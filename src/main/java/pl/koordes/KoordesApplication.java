package pl.koordes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** KoordES: the working home of the national social-economy support programme. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KoordesApplication {

    public static void main(String[] args) {
        SpringApplication.run(KoordesApplication.class, args);
    }
}
