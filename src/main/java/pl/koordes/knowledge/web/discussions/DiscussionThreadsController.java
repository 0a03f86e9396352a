package pl.koordes.knowledge.web.discussions;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.knowledge.internal.discussions.DiscussionThread;
import pl.koordes.knowledge.internal.discussions.PostForm;
import pl.koordes.knowledge.internal.discussions.PostModeration;
import pl.koordes.knowledge.internal.discussions.Space;
import pl.koordes.knowledge.internal.discussions.SpaceManagement;
import pl.koordes.knowledge.internal.discussions.SpacePaths;
import pl.koordes.knowledge.internal.discussions.SpacePermissions;
import pl.koordes.knowledge.internal.discussions.ThreadForm;
import pl.koordes.knowledge.internal.discussions.ThreadManagement;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.Paged;

/**
 * Threads of a space: starting one, its page (50 posts a page, the reply form at the end, pre-filled with a quote
 * when a post's "Cytuj" was followed), replying, following it, and a moderator's lock.
 */
@Controller
class DiscussionThreadsController {

    static final String THREAD = SpacePaths.ROOT + "/{slug}/watki/{id}";

    private final DiscussionAccess access;
    private final ThreadPage page;
    private final ThreadManagement management;
    private final PostModeration moderation;
    private final SpaceManagement spaces;
    private final SpacePermissions permissions;

    DiscussionThreadsController(
            DiscussionAccess access,
            ThreadPage page,
            ThreadManagement management,
            PostModeration moderation,
            SpaceManagement spaces,
            SpacePermissions permissions) {
        this.access = access;
        this.page = page;
        this.management = management;
        this.moderation = moderation;
        this.spaces = spaces;
        this.permissions = permissions;
    }

    @GetMapping(SpacePaths.ROOT + "/{slug}/nowy-watek")
    String newThread(CurrentUser user, @PathVariable String slug, Model model) {
        Space space = access.readable(user, slug);
        return threadForm(model, space, ThreadForm.empty(), FormErrors.none());
    }

    @PostMapping(SpacePaths.ROOT + "/{slug}/nowy-watek")
    String start(
            CurrentUser user,
            @PathVariable String slug,
            @Valid ThreadForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Space space = access.readable(user, slug);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = management.start(user, space, form);
                    redirect.addFlashAttribute("notice", "knowledge.discussions.thread.started");
                    return "redirect:" + SpacePaths.thread(space.slug(), id);
                },
                errors -> threadForm(model, space, form, errors));
    }

    @GetMapping(THREAD)
    String thread(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @RequestParam(name = "strona", required = false) @Nullable String strona,
            @RequestParam(name = "cytat", required = false) @Nullable Long quote,
            Model model) {
        Space space = access.readable(user, slug);
        DiscussionThread thread = access.thread(space, id);
        return page.show(
                model, user, space, thread, Paged.number(strona), page.replyForm(thread, quote), FormErrors.none());
    }

    @PostMapping(THREAD + "/odpowiedz")
    String reply(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @Valid PostForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Space space = access.readable(user, slug);
        DiscussionThread thread = access.thread(space, id);
        boolean moderator = permissions.canModerate(user, space);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    String path = management.reply(user, space, thread.id(), form, moderator);
                    redirect.addFlashAttribute("notice", "knowledge.discussions.reply.added");
                    return "redirect:" + path;
                },
                errors -> page.show(model, user, space, thread, Paged.MAX_PAGE, form, errors));
    }

    /** Follows the thread (an e-mail per post; {@code obserwuj=dziennie}: in the daily digest) or stops ({@code nie}). */
    @PostMapping(THREAD + "/obserwuj")
    String follow(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @RequestParam(name = "obserwuj", required = false) @Nullable String follow,
            RedirectAttributes redirect) {
        Space space = access.readable(user, slug);
        DiscussionThread thread = access.thread(space, id);
        boolean on = !"nie".equals(follow);
        spaces.follow(user.id(), space, thread.id(), on, "dziennie".equals(follow));
        redirect.addFlashAttribute(
                "notice",
                !on
                        ? "knowledge.discussions.follow.thread.off"
                        : "dziennie".equals(follow)
                                ? "knowledge.discussions.follow.thread.on.daily"
                                : "knowledge.discussions.follow.thread.on");
        return "redirect:" + thread.path(space.slug());
    }

    @PostMapping(THREAD + "/zamknij")
    String lock(CurrentUser user, @PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        return locked(user, slug, id, true, redirect);
    }

    @PostMapping(THREAD + "/otworz")
    String unlock(CurrentUser user, @PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        return locked(user, slug, id, false, redirect);
    }

    private String locked(CurrentUser user, String slug, long id, boolean locked, RedirectAttributes redirect) {
        Space space = access.moderated(user, slug);
        DiscussionThread thread = access.thread(space, id);
        moderation.lock(space, thread.id(), locked);
        redirect.addFlashAttribute(
                "notice", locked ? "knowledge.discussions.thread.locked" : "knowledge.discussions.thread.unlocked");
        return "redirect:" + thread.path(space.slug());
    }

    private String threadForm(Model model, Space space, ThreadForm form, FormErrors errors) {
        model.addAttribute("space", space);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "knowledge/discussions/threadForm";
    }
}
