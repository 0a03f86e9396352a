package pl.koordes.content.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import pl.koordes.shared.golive.GoLiveCheck;

/**
 * The go-live checklist's view of the pages: the privacy policy and the accessibility declaration (where
 * the operator's name, address and contact addresses go) and every other page, each done when no
 * placeholder is left in either language.
 */
@Component
class PagePlaceholdersCheck implements GoLiveCheck {

    private static final String PRIVACY = "prywatnosc";
    private static final String ACCESSIBILITY = "deklaracja-dostepnosci";

    private final SiteContent site;

    PagePlaceholdersCheck(SiteContent site) {
        this.site = site;
    }

    @Override
    public List<Item> items() {
        List<Finding> privacy = new ArrayList<>();
        List<Finding> accessibility = new ArrayList<>();
        List<Finding> others = new ArrayList<>();
        for (SiteContent.PageText page : site.pageTexts()) {
            List<Finding> into = switch (page.slug()) {
                case PRIVACY -> privacy;
                case ACCESSIBILITY -> accessibility;
                default -> others;
            };
            String editor = "/redakcja/strony/" + page.id();
            boolean other = into == others;
            for (String left : Placeholders.in(page.polish())) {
                into.add(new Finding(other ? page.title() + ": " + left : left, "pl", editor));
            }
            for (String left : Placeholders.in(page.english())) {
                into.add(new Finding(other ? page.title() + ": " + left : left, "en", editor));
            }
        }
        return List.of(
                item(10, "content.golive.privacy", privacy),
                item(11, "content.golive.accessibility", accessibility),
                item(12, "content.golive.pages", others));
    }

    private static Item item(int order, String key, List<Finding> left) {
        return new Item(
                order,
                key + ".title",
                left.isEmpty(),
                "content.golive.state",
                List.of(left.size()),
                key + ".advice",
                left);
    }
}
