package pl.koordes.content;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the content tests add to the running application: article page sections from a pretend
 * module (the way comments add theirs), one of which escapes what it is given.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContentTestExtensions {

    @Bean
    ArticlePageSection laterArticleSection() {
        return section(20, "later", "<b>escaped</b>");
    }

    @Bean
    ArticlePageSection earlierArticleSection() {
        return section(10, "earlier", null);
    }

    private static ArticlePageSection section(int order, String id, String text) {
        return new ArticlePageSection() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Content> render(ArticleReference article, HttpServletRequest request) {
                if (request.getParameter("bez-sekcji") != null) {
                    return Optional.empty();
                }
                return Optional.of(output -> {
                    output.writeContent("<section id=\"" + id + "\">" + order + " ");
                    output.writeUserContent(text != null ? text : article.path() + " " + article.id());
                    output.writeContent("</section>");
                });
            }
        };
    }
}
