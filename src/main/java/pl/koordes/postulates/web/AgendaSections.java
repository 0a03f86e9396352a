package pl.koordes.postulates.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.support.RequestContextUtils;
import pl.koordes.directory.Directory;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventPageSection;
import pl.koordes.events.EventReference;
import pl.koordes.events.PublicEvents;
import pl.koordes.postulates.PostulatePageSection;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.internal.AgendaStore;
import pl.koordes.postulates.internal.PostulatePermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.CurrentUsers;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;

/**
 * The agenda on both pages: "W porządku spotkań" on a postulate's page (the meetings, and for operators the
 * actions) and "Postulaty w porządku spotkania" on a national event's page. The event page is a public page
 * cached for anonymous visitors: its section shows the same to everybody.
 */
@Configuration(proxyBeanMethods = false)
class AgendaSections {

    /** Flash attribute with what just happened on the agenda (after a redirect to the postulate's page). */
    static final String NOTICE = "agendaNotice";

    @Bean
    PostulatePageSection agendaOnPostulatePage(
            AgendaStore agenda,
            PublicEvents events,
            PostulatePermissions permissions,
            PageFactory pages,
            TemplateEngine templates) {
        return new PostulatePageSection() {
            @Override
            public int order() {
                return 50;
            }

            @Override
            public Optional<Content> render(PostulateReference postulate, HttpServletRequest request) {
                @Nullable CurrentUser user = CurrentUsers.current().orElse(null);
                boolean operator = permissions.isOperator(user);
                List<Long> ids = agenda.events(postulate.id());
                if (ids.isEmpty() && !operator) {
                    return Optional.empty();
                }
                List<EventReference> meetings = ids.isEmpty()
                        ? List.of()
                        : List.copyOf(events.findByIds(ids).values());
                Map<String, Object> model = new HashMap<>();
                model.put("page", pages.of(request));
                model.put("postulate", postulate);
                model.put("meetings", meetings);
                model.put("operator", operator);
                model.put("canAdd", permissions.canPutOnAgenda(user, postulate.status()));
                model.put("notice", notice(request));
                return Optional.of(output -> templates.render("postulates/agenda/section.jte", model, output));
            }
        };
    }

    @Bean
    EventPageSection agendaOnEventPage(
            AgendaStore agenda, Directory directory, PageFactory pages, TemplateEngine templates) {
        return new EventPageSection() {
            @Override
            public int order() {
                return 50;
            }

            @Override
            public Optional<Content> render(EventReference event, HttpServletRequest request) {
                if (event.level() != EventLevel.NATIONAL) {
                    return Optional.empty();
                }
                List<AgendaStore.Item> items = agenda.onEvent(event.id());
                if (items.isEmpty()) {
                    return Optional.empty();
                }
                Map<String, Object> model = new HashMap<>();
                Page page = pages.of(request);
                Map<Long, String> regionNames = new HashMap<>();
                directory.regionsById().forEach((id, region) -> regionNames.put(id, region.name(page.locale())));
                model.put("page", page);
                model.put("items", items);
                model.put("regionNames", regionNames);
                return Optional.of(output -> templates.render("postulates/agenda/event.jte", model, output));
            }
        };
    }

    private static @Nullable String notice(HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        return flash != null && flash.get(NOTICE) instanceof String key ? key : null;
    }
}
