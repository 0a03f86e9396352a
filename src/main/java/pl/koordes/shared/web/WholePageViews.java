package pl.koordes.shared.web;

import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
    JteViewResolver jteViewResolver(TemplateEngine templateEngine, JteProperties properties, PageFactory pages) {
        return new Resolver(templateEngine, properties, pages);
    }

    static final class Resolver extends JteViewResolver {

        private final TemplateEngine templateEngine;
        private final PageFactory pages;

        Resolver(TemplateEngine templateEngine, JteProperties properties, PageFactory pages) {
            super(templateEngine, properties);
            this.templateEngine = templateEngine;
            this.pages = pages;
        }

        @Override
        protected AbstractUrlBasedView instantiateView() {
            return new WholePageView(templateEngine, pages);
        }
    }

    /** A jte view that renders into bytes and writes them once. */
    static final class WholePageView extends JteView {

        private final TemplateEngine templateEngine;
        private final PageFactory pages;

        WholePageView(TemplateEngine templateEngine, PageFactory pages) {
            super(templateEngine);
            this.templateEngine = templateEngine;
            this.pages = pages;
        }

        @Override
        protected void renderMergedTemplateModel(
                Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
            // Every page template's Page, given here rather than by a model attribute method before every handler
            // (which Spring MVC invoked by reflection, with its annotations looked up, even for a redirect).
            model.putIfAbsent(PageFactory.MODEL_NAME, pages.of(request));
            SegmentedOutput page = new SegmentedOutput();
            templateEngine.render(getUrl(), model, new PageHtmlOutput(page));
            List<Object> segments = page.segments();
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // No Content-Length: Spring Session takes a body written up to its declared length as the answer sent,
            // saves the session there and reads it again for whatever still asks (one more transaction a page).
            // The page fits the answer's buffer (WholePageBuffer), so the container declares its length at the end.
            ServletOutputStream stream = response.getOutputStream();
            if (page.hasFragments()
                    && request.getAttribute(PageCompression.SPLICER) instanceof PageCompression.Splicer splicer) {
                // Compressed by PageCompression: the kept parts go in compressed as they were kept.
                splicer.write(segments);
            } else {
                stream.write(whole(segments));
            }
        }

        private static byte[] whole(List<Object> segments) {
            if (segments.size() == 1 && segments.getFirst() instanceof byte[] only) {
                return only;
            }
            int length = 0;
            for (Object segment : segments) {
                length += bytesOf(segment).length;
            }
            byte[] page = new byte[length];
            int at = 0;
            for (Object segment : segments) {
                byte[] bytes = bytesOf(segment);
                System.arraycopy(bytes, 0, page, at, bytes.length);
                at += bytes.length;
            }
            return page;
        }

        private static byte[] bytesOf(Object segment) {
            return segment instanceof KeptFragment fragment ? fragment.plain() : (byte[]) segment;
        }
    }

    /**
     * The page's escaping output ({@link OwaspHtmlTemplateOutput}, as jte would make it) over its bytes, so that a
     * {@link KeptFragment} written into it knows it is in a page rendered whole.
     */
    static final class PageHtmlOutput extends OwaspHtmlTemplateOutput {

        private final SegmentedOutput page;

        PageHtmlOutput(SegmentedOutput page) {
            super(page);
            this.page = page;
        }

        void fragment(KeptFragment fragment) {
            page.fragment(fragment);
        }
    }

    /** A page's bytes, in runs of text between the {@link KeptFragment}s put into it. */
    static final class SegmentedOutput implements TemplateOutput {

        private final List<Object> segments = new ArrayList<>(3);
        private Utf8ByteOutput run = new Utf8ByteOutput();
        private boolean fragments;

        @Override
        public void writeContent(String value) {
            run.writeContent(value);
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            run.writeContent(value, beginIndex, endIndex);
        }

        @Override
        public void writeBinaryContent(byte[] value) {
            run.writeBinaryContent(value);
        }

        void fragment(KeptFragment fragment) {
            endRun();
            segments.add(fragment);
            fragments = true;
        }

        boolean hasFragments() {
            return fragments;
        }

        /** The page: {@code byte[]} runs of text and {@link KeptFragment}s, in order. */
        List<Object> segments() {
            endRun();
            return segments;
        }

        private void endRun() {
            if (run.getContentLength() > 0) {
                segments.add(run.toByteArray());
                run = new Utf8ByteOutput();
            }
        }
    }
}
