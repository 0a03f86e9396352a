package pl.koordes.shared.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages rendered whole into bytes, then written to the answer at once, instead of jte's default of writing each
 * piece of the template through the answer's writer.
 *
 * <p>Why: a page is a few thousand small writes. Through the writer, each one was encoded to UTF-8 on its own and
 * passed through every wrapper of the answer (Spring Security's and Spring Session's each ask the buffer's size on
 * every write, to notice the moment the answer is sent): about a fifth of rendering a page. The templates' fixed
 * text is kept as UTF-8 bytes by the build ({@code binaryStaticContent}), so only what a page fills in is encoded,
 * and the answer's wrappers see one write. A template that fails
 * half way has written nothing, so the error page is all the visitor gets.
 */
@Configuration(proxyBeanMethods = false)
class WholePageViews {

    /** Replaces the starter's resolver (it steps back for any other {@link JteViewResolver}). */
    @Bean
    JteViewResolver jteViewResolver(TemplateEngine templateEngine, JteProperties properties) {
        return new Resolver(templateEngine, properties);
    }

    static final class Resolver extends JteViewResolver {

        private final TemplateEngine templateEngine;

        Resolver(TemplateEngine templateEngine, JteProperties properties) {
            super(templateEngine, properties);
            this.templateEngine = templateEngine;
        }

        @Override
        protected AbstractUrlBasedView instantiateView() {
            return new WholePageView(templateEngine);
        }
    }

    /** A jte view that renders into bytes and writes them once. */
    static final class WholePageView extends JteView {

        private final TemplateEngine templateEngine;

        WholePageView(TemplateEngine templateEngine) {
            super(templateEngine);
            this.templateEngine = templateEngine;
        }

        @Override
        protected void renderMergedTemplateModel(
                Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
            Utf8ByteOutput output = new Utf8ByteOutput();
            templateEngine.render(getUrl(), model, output);
            byte[] page = output.toByteArray();
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // No Content-Length: Spring Session takes a body written up to its declared length as the answer sent,
            // saves the session there and reads it again for whatever still asks (one more transaction a page).
            // The page fits the answer's buffer (WholePageBuffer), so the container declares its length at the end.
            response.getOutputStream().write(page);
        }
    }
}
