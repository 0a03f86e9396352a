package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * The check behind "no page scrolls sideways on a phone" (WCAG 1.4.10 Reflow): the document is no wider
 * than the viewport, and when it is, the message names the elements whose right edge lies past the
 * viewport, leaving out those inside an element that scrolls on its own (a table in its scrolling region
 * is allowed to be wider than the phone).
 */
final class Reflow {

    /** The width of a small phone, as the issue asks every page to fit. */
    static final int PHONE = 375;

    private static final String MEASURE = """
            const viewport = document.documentElement.clientWidth;
            // Inside an element that scrolls (or clips) on its own, and is clipped by it: an absolutely
            // positioned element escapes every scroller below its containing block (its nearest positioned
            // ancestor), so such a scroller does not count for it.
            const scrollsItself = e => {
              let absolute = getComputedStyle(e).position === 'absolute';
              for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                const style = getComputedStyle(a);
                if (absolute && style.position === 'static') continue;
                const overflow = style.overflowX;
                if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden' || overflow === 'clip') return true;
                absolute = style.position === 'absolute';
              }
              return false;
            };
            const describe = e => {
              const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
              const text = (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
              return name + ' (right ' + Math.round(right(e)) + ' px) "' + text + '"';
            };
            // Past the edge: the element's box, or its content spilling out of it (a long word or address).
            // A form control's or picture's scrollWidth measures what it holds (a select's longest option), not
            // what spills out of it.
            const controls = ['SELECT', 'INPUT', 'TEXTAREA', 'BUTTON', 'IMG', 'svg', 'IFRAME', 'VIDEO', 'CANVAS'];
            const right = e => {
              const box = e.getBoundingClientRect();
              const spills = getComputedStyle(e).overflowX === 'visible' && !controls.includes(e.tagName);
              const spill = spills ? box.left + e.scrollWidth : box.right;
              return Math.max(box.right, spill);
            };
            // Only what is rendered: not what display:none hides, nor the content of a closed <details>.
            const past = [...document.querySelectorAll('body *')]
                .filter(e => e.checkVisibility())
                .filter(e => right(e) > viewport + 0.5)
                .filter(e => getComputedStyle(e).position !== 'fixed')
                .filter(e => !scrollsItself(e));
            // The innermost offenders say what to fix; their ancestors only follow them out.
            const innermost = past.filter(e => !past.some(other => other !== e && e.contains(other)));
            return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
                    clientWidth: viewport, past: innermost.slice(0, 8).map(describe)};
            """;

    private Reflow() {}

    /**
     * Asserts the page shown fits its viewport: {@code scrollWidth} is no more than the width inside the
     * scroll bar, so content slipping under the bar is caught too.
     */
    static void assertNoHorizontalOverflow(Browser browser, String what) {
        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) browser.js().executeScript(MEASURE);
        @SuppressWarnings("unchecked")
        List<String> past = (List<String>) layout.get("past");
        long scrollWidth = ((Number) layout.get("scrollWidth")).longValue();
        long clientWidth = ((Number) layout.get("clientWidth")).longValue();
        assertThat(scrollWidth)
                .as(
                        "document scrollWidth of %s at %s px (window.innerWidth %s); elements past the right edge: %s",
                        what, clientWidth, layout.get("innerWidth"), past)
                .isLessThanOrEqualTo(clientWidth);
        assertThat(past)
                .as("elements of %s past the right edge at %s px", what, clientWidth)
                .isEmpty();
    }
}
