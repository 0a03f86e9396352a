package pl.koordes.postulates.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.postulates.internal.AnswerManagement;
import pl.koordes.postulates.internal.AnswerQueries;
import pl.koordes.postulates.internal.ForwardForm;
import pl.koordes.postulates.internal.MergeForm;
import pl.koordes.postulates.internal.Postulate;
import pl.koordes.postulates.internal.PostulatePermissions;
import pl.koordes.postulates.internal.PostulateStore;
import pl.koordes.postulates.internal.PostulateViews;
import pl.koordes.postulates.internal.PostulatesProperties;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;

/**
 * The operator's side of postulates: the queue (submitted ones to review, forwarded ones awaiting an
 * answer, overdue first), forwarding a submitted postulate with an answer deadline, and merging a
 * duplicate into another postulate (asked first: the duplicate's address then leads to the other). Every
 * handler checks {@link PostulatePermissions#isOperator} before it reads anything; a draft is not found.
 */
@Controller
class ForwardingController {

    /** The header's link to the queue, for operators. */
    @Bean
    static HeaderLink postulatesQueueLink(PostulatePermissions permissions) {
        return HeaderLink.to(QUEUE, "postulates.answers.queue.link", 62, permissions::isOperator);
    }

    static final String QUEUE = "/postulaty/obsluga";

    private final PostulateStore store;
    private final PostulateViews views;
    private final AnswerQueries queries;
    private final AnswerManagement answers;
    private final PostulatePermissions permissions;
    private final PostulatesProperties properties;
    private final Directory directory;
    private final Clock clock;

    ForwardingController(
            PostulateStore store,
            PostulateViews views,
            AnswerQueries queries,
            AnswerManagement answers,
            PostulatePermissions permissions,
            PostulatesProperties properties,
            Directory directory,
            Clock clock) {
        this.store = store;
        this.views = views;
        this.queries = queries;
        this.answers = answers;
        this.permissions = permissions;
        this.properties = properties;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping(QUEUE)
    String queue(CurrentUser user, Model model) {
        operator(user);
        model.addAttribute("submitted", queries.submitted());
        model.addAttribute("awaiting", queries.awaiting());
        model.addAttribute("now", Instant.now(clock));
        return "postulates/answers/queue";
    }

    @GetMapping("/postulaty/{id}/przekaz")
    String forwardForm(@PathVariable long id, CurrentUser user, Model model) {
        operator(user);
        Postulate postulate = submitted(id);
        ForwardForm form = new ForwardForm(answers.today().plusDays(properties.answerDays()), postulate.addresseeId());
        return showForward(model, postulate, form, FormErrors.none());
    }

    @PostMapping("/postulaty/{id}/przekaz")
    String forward(
            @PathVariable long id,
            CurrentUser user,
            @Valid ForwardForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        operator(user);
        Postulate postulate = submitted(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    answers.forward(id, form, user.id());
                    redirect.addFlashAttribute("notice", "postulates.answers.forward.done");
                    return "redirect:" + Postulate.path(id);
                },
                errors -> showForward(model, postulate, form, errors));
    }

    @GetMapping("/postulaty/{id}/polacz")
    String mergeForm(
            @PathVariable long id,
            CurrentUser user,
            @Valid MergeForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        operator(user);
        Postulate postulate = mergeable(id);
        // Without a number the page is the empty form; with one, the number is checked and the question asked.
        if (request.getParameter("mergeTarget") == null) {
            return showMerge(model, postulate, form, FormErrors.none());
        }
        FormErrors errors = FormErrors.check(form, result);
        if (errors.any()) {
            response.setStatus(422);
            return showMerge(model, postulate, form, errors);
        }
        long targetId = Objects.requireNonNull(form.mergeTarget());
        Postulate target;
        try {
            target = answers.checkMerge(id, targetId);
        } catch (Refused refused) {
            response.setStatus(422);
            return showMerge(model, postulate, form, FormErrors.of(refused));
        }
        String path = Postulate.path(id);
        Confirmation question = Confirmation.of(
                        path + "/polacz", path, "postulates.answers.merge.title", "postulates.answers.merge.button")
                .subject(postulate.title())
                .consequence("postulates.answers.merge.into", target.id(), target.title())
                .consequence("postulates.answers.merge.address", id, target.id())
                .consequence("postulates.answers.merge.support")
                .field("mergeTarget", String.valueOf(target.id()));
        model.addAttribute("confirmation", question);
        return "shared/confirm";
    }

    @PostMapping("/postulaty/{id}/polacz")
    String merge(
            @PathVariable long id,
            CurrentUser user,
            @Valid MergeForm form,
            BindingResult result,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        operator(user);
        Postulate postulate = mergeable(id);
        boolean answered = Confirmation.given(confirmed);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long targetId = Objects.requireNonNull(form.mergeTarget());
                    if (!answered) {
                        answers.checkMerge(id, targetId);
                        return "redirect:" + Postulate.path(id) + "/polacz?mergeTarget=" + targetId;
                    }
                    answers.merge(id, targetId, user.id());
                    redirect.addFlashAttribute("notice", "postulates.answers.merge.done");
                    return "redirect:" + Postulate.path(targetId);
                },
                errors -> showMerge(model, postulate, form, errors));
    }

    private void operator(CurrentUser user) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("postulates operator");
        }
    }

    /** A public postulate (a draft is not found); refused as a conflict unless it is submitted. */
    private Postulate submitted(long id) {
        Postulate postulate = found(id);
        if (postulate.status() != PostulateStatus.SUBMITTED) {
            throw Refused.conflict("postulates.answers.forward.notSubmitted");
        }
        return postulate;
    }

    private Postulate mergeable(long id) {
        Postulate postulate = found(id);
        if (postulate.status() != PostulateStatus.SUBMITTED && postulate.status() != PostulateStatus.FORWARDED) {
            throw Refused.conflict("postulates.answers.merge.notMergeable");
        }
        return postulate;
    }

    private Postulate found(long id) {
        Postulate postulate = store.find(id).orElseThrow(() -> new NotFound("postulate", id));
        if (postulate.status() == PostulateStatus.DRAFT) {
            throw new NotFound("postulate", id);
        }
        return postulate;
    }

    private String showForward(Model model, Postulate postulate, ForwardForm form, FormErrors errors) {
        model.addAttribute("postulate", views.view(postulate));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("institutions", directory.centralInstitutions());
        model.addAttribute("answerDays", properties.answerDays());
        return "postulates/answers/forward";
    }

    private String showMerge(Model model, Postulate postulate, MergeForm form, FormErrors errors) {
        model.addAttribute("postulate", views.view(postulate));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "postulates/answers/merge";
    }
}
