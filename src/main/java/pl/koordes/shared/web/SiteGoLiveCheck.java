package pl.koordes.shared.web;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import pl.koordes.shared.golive.GoLiveCheck;

/**
 * What the whole site needs before launch: its public address set (not derived from the port), served
 * over HTTPS, no invented demonstration data, and a database of its own rather than the embedded one.
 */
@Component
class SiteGoLiveCheck implements GoLiveCheck {

    private final PublicAddress address;
    private final SiteProperties site;
    private final Environment environment;

    SiteGoLiveCheck(PublicAddress address, SiteProperties site, Environment environment) {
        this.address = address;
        this.site = site;
        this.environment = environment;
    }

    @Override
    public List<Item> items() {
        boolean configured = address.configured();
        boolean https = address.url().startsWith("https://");
        String database = environment.getProperty("koordes.db.url", "");
        return List.of(
                Item.of(
                        20,
                        "golive.address.title",
                        configured && https,
                        configured ? "golive.address.state.configured" : "golive.address.state.derived",
                        "golive.address.advice",
                        address.url()),
                Item.of(
                        50,
                        "golive.demo.title",
                        !site.demo(),
                        site.demo() ? "golive.demo.state.on" : "golive.demo.state.off",
                        "golive.demo.advice"),
                Item.of(
                        60,
                        "golive.database.title",
                        !database.isBlank(),
                        database.isBlank() ? "golive.database.state.embedded" : "golive.database.state.external",
                        "golive.database.advice"));
    }
}
