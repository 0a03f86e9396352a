package pl.koordes.shared.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pl.koordes.shared.i18n.Formats;

/** One clock for the whole application, in Europe/Warsaw, replaceable in tests. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(Formats.ZONE);
    }
}
