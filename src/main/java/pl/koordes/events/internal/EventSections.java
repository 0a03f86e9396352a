package pl.koordes.events.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pl.koordes.directory.Region;
import pl.koordes.directory.RegionPageSection;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.web.HomePageSection;

/** Upcoming events on the home page and on each region's page, through those pages' extension points. */
@Configuration(proxyBeanMethods = false)
class EventSections {

    /** How many upcoming events a section lists. */
    static final int SHOWN = 5;

    @Bean
    HomePageSection upcomingEventsOnHomePage(EventCatalogue catalogue, TemplateEngine templates, Messages messages) {
        return new HomePageSection() {
            @Override
            public int order() {
                return 20;
            }

            @Override
            public Optional<Content> render(Locale locale) {
                return Optional.of(section(
                        templates,
                        messages,
                        locale,
                        messages.get(locale, "events.section.heading"),
                        catalogue.upcoming(SHOWN),
                        "/wydarzenia"));
            }
        };
    }

    @Bean
    RegionPageSection upcomingEventsOnRegionPage(
            EventCatalogue catalogue, TemplateEngine templates, Messages messages) {
        return new RegionPageSection() {
            @Override
            public int order() {
                return 30;
            }

            @Override
            public Optional<Content> render(Region region, Locale locale) {
                return Optional.of(section(
                        templates,
                        messages,
                        locale,
                        messages.get(locale, "events.section.regionHeading"),
                        catalogue.upcomingForRegion(region.id(), SHOWN),
                        "/wydarzenia?region=" + region.slug()));
            }
        };
    }

    private static Content section(
            TemplateEngine templates,
            Messages messages,
            Locale locale,
            String heading,
            List<Event> events,
            String allHref) {
        return output -> templates.render(
                "events/section.jte",
                Map.of(
                        "messages",
                        messages,
                        "locale",
                        locale,
                        "heading",
                        heading,
                        "events",
                        events,
                        "allHref",
                        allHref),
                output);
    }
}
