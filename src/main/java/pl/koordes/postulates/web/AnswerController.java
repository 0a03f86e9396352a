package pl.koordes.postulates.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.postulates.internal.AnswerFiles;
import pl.koordes.postulates.internal.AnswerForm;
import pl.koordes.postulates.internal.AnswerManagement;
import pl.koordes.postulates.internal.AnswerQueries;
import pl.koordes.postulates.internal.Postulate;
import pl.koordes.postulates.internal.PostulatePermissions;
import pl.koordes.postulates.internal.PostulateStore;
import pl.koordes.postulates.internal.PostulateViews;
import pl.koordes.postulates.internal.PostulatesProperties;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;

/**
 * The addressee's side: the inbox of postulates addressed to the person's institutions, and the answer
 * (or a correction of the latest one, kept as a new version) with an optional document. Only people
 * holding the central-institution role for the addressee answer: another institution's people get 403
 * before anything is read or saved. The documents are public wherever the postulate is.
 */
@Controller
class AnswerController {

    /** The header's link to the inbox, for people who answer for an institution. */
    @Bean
    static HeaderLink postulatesInboxLink(PostulatePermissions permissions) {
        return HeaderLink.to(INBOX, "postulates.answers.inbox.link", 63, permissions::answersForSomeInstitution);
    }

    static final String INBOX = "/postulaty/do-odpowiedzi";

    private final PostulateStore store;
    private final PostulateViews views;
    private final AnswerQueries queries;
    private final AnswerManagement answers;
    private final PostulatePermissions permissions;
    private final PostulatesProperties properties;

    AnswerController(
            PostulateStore store,
            PostulateViews views,
            AnswerQueries queries,
            AnswerManagement answers,
            PostulatePermissions permissions,
            PostulatesProperties properties) {
        this.store = store;
        this.views = views;
        this.queries = queries;
        this.answers = answers;
        this.permissions = permissions;
        this.properties = properties;
    }

    @GetMapping(INBOX)
    String inbox(CurrentUser user, Model model) {
        if (!permissions.answersForSomeInstitution(user)) {
            throw new AccessDeniedException("answers for no institution");
        }
        Set<Long> institutions = user.institutionsOf(Role.CENTRAL_INSTITUTION);
        model.addAttribute("awaiting", queries.awaiting(institutions));
        model.addAttribute("answered", queries.recentlyAnswered(institutions));
        return "postulates/answers/inbox";
    }

    @GetMapping("/postulaty/{id}/odpowiedz")
    String answerForm(@PathVariable long id, CurrentUser user, HttpServletRequest request, Model model) {
        Postulate postulate = answerable(id, user);
        int latest = answers.latestVersion(id);
        // "?korekta" (the section's link) asks for a correction of the latest version, once there is one.
        boolean correcting = request.getParameterMap().containsKey("korekta") && latest > 0;
        if (!correcting && !postulate.status().awaitsAnswer()) {
            throw Refused.conflict("postulates.answers.answer.alreadyAnswered");
        }
        return show(model, postulate, AnswerForm.empty(latest, correcting), FormErrors.none());
    }

    @PostMapping("/postulaty/{id}/odpowiedz")
    String answer(
            @PathVariable long id,
            CurrentUser user,
            @Valid AnswerForm form,
            BindingResult result,
            @RequestParam(name = "answerDocument", required = false) @Nullable MultipartFile document,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Postulate postulate = answerable(id, user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    int version = answers.answer(
                            id,
                            form,
                            AnswerFiles.read(
                                    document, properties.attachmentMaxSize().toBytes()),
                            user.id());
                    redirect.addFlashAttribute(
                            "notice",
                            form.isCorrection()
                                    ? "postulates.answers.answer.corrected"
                                    : "postulates.answers.answer.saved");
                    return "redirect:" + Postulate.path(id) + "#odpowiedz-" + version;
                },
                errors -> show(model, postulate, form, errors));
    }

    @GetMapping("/postulaty/{id}/odpowiedzi/{version}/dokument")
    void document(
            @PathVariable long id, @PathVariable int version, Optional<CurrentUser> user, HttpServletResponse response)
            throws IOException {
        Postulate postulate = store.find(id).orElseThrow(() -> new NotFound("postulate", id));
        if (!permissions.canSee(user.orElse(null), postulate.status(), postulate.regionId())) {
            throw new NotFound("postulate", id);
        }
        AnswerQueries.Document file =
                queries.document(id, version).orElseThrow(() -> new NotFound("answer document", version));
        Downloads.attachment(response, file.type(), file.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(file.content());
    }

    /**
     * The postulate, for a person answering for its addressee: anyone else is refused (403) before its
     * state is even considered; a draft does not exist; one not yet forwarded is refused as a conflict.
     */
    private Postulate answerable(long id, CurrentUser user) {
        Postulate postulate = store.find(id).orElseThrow(() -> new NotFound("postulate", id));
        if (postulate.status() == PostulateStatus.DRAFT) {
            throw new NotFound("postulate", id);
        }
        if (!permissions.canAnswer(user, postulate.addresseeId())) {
            throw new AccessDeniedException("postulate addressed to another institution");
        }
        if (!postulate.status().awaitsAnswer() && !postulate.status().answered()) {
            throw Refused.conflict("postulates.answers.answer.notForwarded");
        }
        return postulate;
    }

    private String show(Model model, Postulate postulate, AnswerForm form, FormErrors errors) {
        List<AnswerQueries.Version> versions = queries.versions(postulate.id());
        model.addAttribute("postulate", views.view(postulate));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("versions", versions);
        model.addAttribute("maxSize", properties.attachmentMaxSize().toBytes());
        return "postulates/answers/answer";
    }
}
