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
import pl.koordes.knowledge.internal.discussions.DiscussionPost;
import pl.koordes.knowledge.internal.discussions.DiscussionThread;
import pl.koordes.knowledge.internal.discussions.PostDocuments;
import pl.koordes.knowledge.internal.discussions.PostForm;
import pl.koordes.knowledge.internal.discussions.PostHideForm;
import pl.koordes.knowledge.internal.discussions.PostModeration;
import pl.koordes.knowledge.internal.discussions.Space;
import pl.koordes.knowledge.internal.discussions.SpacePaths;
import pl.koordes.knowledge.internal.discussions.ThreadManagement;
import pl.koordes.knowledge.internal.discussions.ThreadStore;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * One post: its author's edit within the time allowed (someone else's post is not there to edit: 404), and a
 * moderator's hiding, asked first on a page of its own with the reason, and restoring.
 */
@Controller
class DiscussionPostsController {

    static final String POST = DiscussionThreadsController.THREAD + "/wpisy/{postId}";

    private final DiscussionAccess access;
    private final ThreadStore threads;
    private final ThreadManagement management;
    private final PostModeration moderation;

    DiscussionPostsController(
            DiscussionAccess access, ThreadStore threads, ThreadManagement management, PostModeration moderation) {
        this.access = access;
        this.threads = threads;
        this.management = management;
        this.moderation = moderation;
    }

    @GetMapping(POST + "/edycja")
    String editForm(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @PathVariable long postId,
            Model model) {
        Space space = access.readable(user, slug);
        DiscussionThread thread = access.thread(space, id);
        DiscussionPost post = own(user, thread, postId);
        PostForm form = new PostForm(post.body(), PostDocuments.text(post.documents()), null, post.rowVersion());
        return editPage(model, user, space, thread, post, form, FormErrors.none());
    }

    @PostMapping(POST + "/edycja")
    String edit(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @PathVariable long postId,
            @Valid PostForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Space space = access.readable(user, slug);
        DiscussionThread thread = access.thread(space, id);
        DiscussionPost post = own(user, thread, postId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    String path = management.edit(user, space, thread, postId, form);
                    redirect.addFlashAttribute("notice", "knowledge.discussions.edit.saved");
                    return "redirect:" + path;
                },
                errors -> editPage(model, user, space, thread, post, form, errors));
    }

    @GetMapping(POST + "/ukryj")
    String confirmHide(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @PathVariable long postId,
            Model model) {
        Space space = access.moderated(user, slug);
        DiscussionThread thread = access.thread(space, id);
        DiscussionPost post = post(thread, postId);
        return hidePage(model, space, thread, post, new PostHideForm(""), FormErrors.none());
    }

    @PostMapping(POST + "/ukryj")
    String hide(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @PathVariable long postId,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            @Valid PostHideForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Space space = access.moderated(user, slug);
        DiscussionThread thread = access.thread(space, id);
        DiscussionPost post = post(thread, postId);
        String back = SpacePaths.post(space.slug(), thread.id(), post.id(), post.position());
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + SpacePaths.thread(space.slug(), thread.id()) + "/wpisy/" + postId + "/ukryj";
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    moderation.hide(user, space, thread.id(), postId, form.reasonText());
                    redirect.addFlashAttribute("notice", "knowledge.discussions.hide.done");
                    return "redirect:" + back;
                },
                errors -> hidePage(model, space, thread, post, form, errors));
    }

    @PostMapping(POST + "/przywroc")
    String restore(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @PathVariable long postId,
            RedirectAttributes redirect) {
        Space space = access.moderated(user, slug);
        DiscussionThread thread = access.thread(space, id);
        DiscussionPost post = post(thread, postId);
        moderation.restore(space, thread.id(), postId);
        redirect.addFlashAttribute("notice", "knowledge.discussions.restore.done");
        return "redirect:" + SpacePaths.post(space.slug(), thread.id(), post.id(), post.position());
    }

    private DiscussionPost post(DiscussionThread thread, long postId) {
        return threads.post(thread.id(), postId).orElseThrow(() -> new NotFound("discussion post", postId));
    }

    /** The person's own post: another's is not there for them to edit. */
    private DiscussionPost own(CurrentUser user, DiscussionThread thread, long postId) {
        DiscussionPost post = post(thread, postId);
        if (post.authorId() == null || post.authorId() != user.id()) {
            throw new NotFound("discussion post", postId);
        }
        return post;
    }

    private String editPage(
            Model model,
            CurrentUser user,
            Space space,
            DiscussionThread thread,
            DiscussionPost post,
            PostForm form,
            FormErrors errors) {
        model.addAttribute("space", space);
        model.addAttribute("thread", thread);
        model.addAttribute("post", post);
        model.addAttribute("editable", management.editable(user, post));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "knowledge/discussions/postEdit";
    }

    private String hidePage(
            Model model,
            Space space,
            DiscussionThread thread,
            DiscussionPost post,
            PostHideForm form,
            FormErrors errors) {
        model.addAttribute("space", space);
        model.addAttribute("thread", thread);
        model.addAttribute("post", post);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "knowledge/discussions/hide";
    }
}
