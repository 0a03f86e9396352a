package pl.koordes.notifications.web;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.notifications.internal.Notices;
import pl.koordes.notifications.internal.UnreadCounts;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.Paged;

/**
 * The signed-in person's notification centre: their notices newest first, a page at a time; opening one
 * marks it read and leads to what it is about; "mark all as read". Only one's own notices: another
 * person's id is 404.
 */
@Controller
class NoticeController {

    static final String BASE = "/powiadomienia";

    private static final String UNREAD = NoticeController.class.getName() + ".unread";

    private final Notices notices;

    NoticeController(Notices notices) {
        this.notices = notices;
    }

    /**
     * The header's "Powiadomienia (3 nieprzeczytane)" for signed-in people: the count is in the link's text,
     * so a screen reader says it. Visitors get no link and no query (the header asks only for signed-in
     * people); a signed-in request costs at most one small count (an index of unread notices), however many times
     * the page's header is built in it (sections build pages of their own), and none while the account's count is
     * kept ({@link UnreadCounts#kept}, a few seconds).
     */
    @Bean
    static HeaderLink noticeHeaderLink(Notices notices, UnreadCounts counts, Messages messages) {
        return new HeaderLink() {
            @Override
            public Optional<Page.NavigationItem> link(CurrentUser user) {
                Locale locale = LocaleContextHolder.getLocale();
                long unread = unreadInThisRequest(notices, counts, user.id(), true);
                String text = unread == 0
                        ? messages.get(locale, "notifications.notices.link")
                        : messages.get(locale, "notifications.notices.linkUnread", unread);
                return Optional.of(Page.NavigationItem.titled(BASE, text, locale.getLanguage()));
            }

            @Override
            public int order() {
                return 10;
            }
        };
    }

    /**
     * The count once per request: kept as a request attribute. The header may take the count kept for a few seconds
     * ({@link UnreadCounts#kept}); the notification centre counts afresh, and its header then shows the same.
     */
    private static long unreadInThisRequest(
            Notices notices, @Nullable UnreadCounts counts, long accountId, boolean kept) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return kept && counts != null ? counts.kept(accountId) : notices.unread(accountId);
        }
        if (kept && request.getAttribute(UNREAD, RequestAttributes.SCOPE_REQUEST) instanceof Long known) {
            return known;
        }
        long unread = kept && counts != null ? counts.kept(accountId) : notices.unread(accountId);
        request.setAttribute(UNREAD, unread, RequestAttributes.SCOPE_REQUEST);
        return unread;
    }

    @GetMapping(BASE)
    String list(CurrentUser user, @RequestParam(name = "strona", defaultValue = "1") String number, Model model) {
        model.addAttribute("notices", notices.page(user.id(), Paged.number(number)));
        model.addAttribute("unread", unreadInThisRequest(notices, null, user.id(), false));
        return "notifications/notices";
    }

    /** Opens a notice: marks it read and leads to its address on this site. */
    @PostMapping(BASE + "/{id}")
    String open(CurrentUser user, @PathVariable UUID id) {
        Notices.Notice notice = notices.open(user.id(), id).orElseThrow(() -> new NotFound("notice", id));
        String link = notice.link();
        // Stored links are site-relative (NoticeRequested refuses others); checked again so nothing leads away.
        if (!link.startsWith("/") || link.startsWith("//") || link.contains("\\")) {
            return "redirect:" + BASE;
        }
        return "redirect:" + link;
    }

    @PostMapping(BASE + "/przeczytane")
    String readAll(CurrentUser user, RedirectAttributes redirect) {
        int read = notices.readAll(user.id());
        redirect.addFlashAttribute("notice", "notifications.notices.allRead");
        redirect.addFlashAttribute("noticeArgument", read);
        return "redirect:" + BASE;
    }
}
