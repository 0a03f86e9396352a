package pl.koordes.shared.observability;

import java.util.List;
import org.springframework.stereotype.Component;
import pl.koordes.shared.golive.GoLiveCheck;

/** The metrics before launch: a monitoring server needs the scraper token to read them without a session. */
@Component
class MetricsGoLiveCheck implements GoLiveCheck {

    private final MetricsProperties properties;

    MetricsGoLiveCheck(MetricsProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<Item> items() {
        boolean set = properties.tokenSet();
        return List.of(Item.of(
                65,
                "golive.metrics.title",
                set,
                set ? "golive.metrics.state.set" : "golive.metrics.state.missing",
                "golive.metrics.advice"));
    }
}
