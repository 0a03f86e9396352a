package pl.koordes.content.web;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import pl.koordes.content.ArticlePageSection;
import pl.koordes.content.ArticleReference;
import pl.koordes.content.internal.ArticleQueries;
import pl.koordes.content.internal.ArticleView;
import pl.koordes.content.internal.ContentPermissions;
import pl.koordes.content.internal.ContentProperties;
import pl.koordes.content.internal.TagRef;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Paged;
import pl.koordes.shared.web.PublicAddress;
import pl.koordes.shared.web.PublicPage;

/** The public articles: the list (by page, by tag) and an article's page with the sections other modules add. */
@Controller
class ArticleController {

    private final ArticleQueries articles;
    private final List<ArticlePageSection> sections;
    private final ContentProperties properties;
    private final PublicAddress site;
    private final ContentPermissions permissions;

    ArticleController(
            ArticleQueries articles,
            List<ArticlePageSection> sections,
            ContentProperties properties,
            PublicAddress site,
            ContentPermissions permissions) {
        this.permissions = permissions;
        this.site = site;
        this.articles = articles;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(ArticlePageSection::order))
                .toList();
        this.properties = properties;
    }

    @PublicPage
    @GetMapping("/aktualnosci")
    String list(
            @RequestParam(name = "strona", required = false) @Nullable String page,
            @RequestParam(name = "tag", required = false) @Nullable String tag,
            Model model) {
        TagRef selected = null;
        if (tag != null && !tag.isBlank()) {
            selected = articles.tag(tag).orElseThrow(ArticleController::notFound);
        }
        int number = Paged.number(page);
        Paged<?> paged = articles.published(selected == null ? null : selected.slug(), number, properties.pageSize());
        if (number > paged.pages()) {
            throw notFound();
        }
        model.addAttribute("articles", paged);
        model.addAttribute("tag", selected);
        return "content/articles";
    }

    @PublicPage
    @GetMapping("/aktualnosci/{slug}")
    Object article(@PathVariable String slug, Optional<CurrentUser> user, HttpServletRequest request, Model model) {
        Optional<ArticleView> found = articles.publishedArticle(slug);
        if (found.isEmpty()) {
            // The title changed since this address was shared: lead the reader on, permanently.
            return articles.currentSlugOf(slug)
                    .map(ArticleController::movedTo)
                    .orElseThrow(ArticleController::notFound);
        }
        ArticleView article = found.get();
        ArticleReference reference = new ArticleReference(
                article.id(), article.slug(), article.title(), article.href(), article.publishedAt());
        List<Content> below = sections.stream()
                .map(section -> section.render(reference, request))
                .flatMap(Optional::stream)
                .toList();
        model.addAttribute("article", article);
        model.addAttribute("sections", below);
        model.addAttribute("baseUrl", site.url());
        model.addAttribute("canEdit", permissions.canEditArticles(user));
        return "content/article";
    }

    private static RedirectView movedTo(String slug) {
        RedirectView view = new RedirectView("/aktualnosci/" + slug);
        view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        view.setExposeModelAttributes(false);
        return view;
    }

    private static NotFound notFound() {
        return new NotFound("article", "");
    }
}
