package pl.koordes.surveys.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
import pl.koordes.directory.InstitutionKind;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.PublicAddress;
import pl.koordes.surveys.QuestionType;
import pl.koordes.surveys.ResponseMode;
import pl.koordes.surveys.ResultsVisibility;
import pl.koordes.surveys.internal.BuilderManagement;
import pl.koordes.surveys.internal.BuilderNewForm;
import pl.koordes.surveys.internal.BuilderPage;
import pl.koordes.surveys.internal.BuilderQuestionForm;
import pl.koordes.surveys.internal.BuilderSectionForm;
import pl.koordes.surveys.internal.BuilderSettingsForm;
import pl.koordes.surveys.internal.Survey;
import pl.koordes.surveys.internal.SurveyDefinition;
import pl.koordes.surveys.internal.SurveyDefinition.Question;
import pl.koordes.surveys.internal.SurveyDefinition.Section;
import pl.koordes.surveys.internal.SurveyPermissions;

/**
 * Building surveys, for the operator (editors, administrators): the list of surveys, a new one or a copy of
 * an earlier one, its settings, the builder with its sections and questions, reordering without script,
 * publishing, closing and deleting (each asked first). Every handler checks
 * {@link SurveyPermissions#isOperator} before it reads anything; the rules are {@link BuilderManagement}'s.
 */
@Controller
class BuilderController {

    /** The header's link to the list of surveys, for operators. */
    @Bean
    static HeaderLink surveysBuilderLink(SurveyPermissions permissions) {
        return HeaderLink.to(BASE, "surveys.builder.link", 64, permissions::isOperator);
    }

    static final String BASE = "/ankiety/obsluga";

    private static final String NOTICE = "notice";

    private static final String PROBLEM = "problem";

    private final BuilderManagement builder;
    private final SurveyPermissions permissions;
    private final Directory directory;
    private final PublicAddress address;
    private final Clock clock;

    BuilderController(
            BuilderManagement builder,
            SurveyPermissions permissions,
            Directory directory,
            PublicAddress address,
            Clock clock) {
        this.builder = builder;
        this.permissions = permissions;
        this.directory = directory;
        this.address = address;
        this.clock = clock;
    }

    static String path(long surveyId) {
        return BASE + "/" + surveyId;
    }

    @GetMapping(BASE)
    String list(CurrentUser user, Model model) {
        operator(user);
        model.addAttribute("rows", builder.list());
        model.addAttribute("now", Instant.now(clock));
        return "surveys/builder/list";
    }

    @GetMapping(BASE + "/nowa")
    String newSurvey(CurrentUser user, Model model) {
        operator(user);
        return newPage(model, BuilderNewForm.empty(), FormErrors.none());
    }

    @PostMapping(BASE + "/nowa")
    String create(
            CurrentUser user,
            @Valid BuilderNewForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        operator(user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = builder.create(user.id(), form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.created");
                    return "redirect:" + path(id);
                },
                errors -> newPage(model, form, errors));
    }

    @PostMapping(BASE + "/{id}/kopiuj")
    String copy(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        operator(user);
        long copy = builder.copy(user.id(), id);
        redirect.addFlashAttribute(NOTICE, "surveys.builder.copied");
        return "redirect:" + path(copy);
    }

    @GetMapping(BASE + "/{id}")
    String builderPage(CurrentUser user, @PathVariable long id, Model model) {
        operator(user);
        return builderPage(model, page(id), BuilderSectionForm.empty(), FormErrors.none());
    }

    @GetMapping(BASE + "/{id}/ustawienia")
    String settings(CurrentUser user, @PathVariable long id, Model model) {
        operator(user);
        Survey survey = builder.survey(id);
        return settingsPage(model, page(id), BuilderSettingsForm.of(survey), survey.rowVersion(), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/ustawienia")
    String saveSettings(
            CurrentUser user,
            @PathVariable long id,
            @Valid BuilderSettingsForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        operator(user);
        builder.survey(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    builder.updateSettings(id, form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.settings.saved");
                    return "redirect:" + path(id);
                },
                errors -> {
                    BuilderPage page = page(id);
                    // After a conflict the form carries the current version: saving again replaces what changed.
                    int version = errors.global().contains("surveys.builder.stale")
                            ? page.survey().rowVersion()
                            : form.version() == null ? page.survey().rowVersion() : form.version();
                    return settingsPage(model, page, form, version, errors);
                });
    }

    @PostMapping(BASE + "/{id}/sekcje")
    String addSection(
            CurrentUser user,
            @PathVariable long id,
            @Valid BuilderSectionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        operator(user);
        builder.survey(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long sectionId = builder.addSection(id, form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.section.added");
                    return "redirect:" + path(id) + "#sekcja-" + sectionId;
                },
                errors -> builderPage(model, page(id), form, errors));
    }

    @GetMapping(BASE + "/{id}/sekcje/{sectionId}")
    String section(CurrentUser user, @PathVariable long id, @PathVariable long sectionId, Model model) {
        operator(user);
        BuilderPage page = page(id);
        Section section = section(page, sectionId);
        return sectionPage(model, page, section, BuilderSectionForm.of(section), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/sekcje/{sectionId}")
    String saveSection(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sectionId,
            @Valid BuilderSectionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        operator(user);
        BuilderPage page = page(id);
        Section section = section(page, sectionId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    builder.updateSection(id, sectionId, form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.section.saved");
                    return "redirect:" + path(id) + "#sekcja-" + sectionId;
                },
                errors -> sectionPage(model, page, section, form, errors));
    }

    @GetMapping(BASE + "/{id}/sekcje/{sectionId}/usun")
    String confirmRemoveSection(CurrentUser user, @PathVariable long id, @PathVariable long sectionId, Model model) {
        operator(user);
        BuilderPage page = page(id);
        Section section = section(page, sectionId);
        Confirmation confirmation = Confirmation.of(
                        path(id) + "/sekcje/" + sectionId + "/usun",
                        path(id) + "#sekcja-" + sectionId,
                        "surveys.builder.section.remove.title",
                        "surveys.builder.section.remove.button")
                .subject(section.title())
                .consequence(
                        "surveys.builder.section.remove.questions",
                        section.questions().size())
                .consequence("confirm.irreversible");
        Optional<String> problem = builder.sectionRemovalProblem(page.definition(), page.answers(), sectionId);
        if (problem.isPresent()) {
            confirmation = confirmation.refused(problem.get());
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(BASE + "/{id}/sekcje/{sectionId}/usun")
    String removeSection(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sectionId,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        operator(user);
        section(page(id), sectionId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path(id) + "/sekcje/" + sectionId + "/usun";
        }
        return act(id, redirect, "surveys.builder.section.removed", () -> builder.removeSection(id, sectionId));
    }

    @GetMapping(BASE + "/{id}/pytania/nowe")
    String newQuestion(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = "sekcja", required = false) @Nullable Long sectionId,
            Model model,
            RedirectAttributes redirect) {
        operator(user);
        BuilderPage page = page(id);
        List<Section> sections = page.definition().sections();
        if (sections.isEmpty()) {
            redirect.addFlashAttribute(PROBLEM, "surveys.builder.section.first");
            return "redirect:" + path(id);
        }
        Section section = sectionId == null ? sections.getLast() : section(page, sectionId);
        return questionPage(model, page, null, BuilderQuestionForm.empty(section.id()), FormErrors.none(), null);
    }

    @PostMapping(BASE + "/{id}/pytania/nowe")
    String addQuestion(
            CurrentUser user,
            @PathVariable long id,
            @Valid BuilderQuestionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        operator(user);
        builder.survey(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long questionId = builder.addQuestion(id, form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.question.added");
                    return "redirect:" + path(id) + "#pytanie-" + questionId;
                },
                errors -> questionPage(model, page(id), null, form, errors, null));
    }

    @GetMapping(BASE + "/{id}/pytania/{questionId}")
    String question(CurrentUser user, @PathVariable long id, @PathVariable long questionId, Model model) {
        operator(user);
        BuilderPage page = page(id);
        Question question = question(page, questionId);
        return questionPage(
                model, page, question, BuilderQuestionForm.of(question), FormErrors.none(), question.rowVersion());
    }

    @PostMapping(BASE + "/{id}/pytania/{questionId}")
    String saveQuestion(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long questionId,
            @Valid BuilderQuestionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        operator(user);
        question(page(id), questionId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    builder.updateQuestion(id, questionId, form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.question.saved");
                    return "redirect:" + path(id) + "#pytanie-" + questionId;
                },
                errors -> {
                    BuilderPage page = page(id);
                    Question current = question(page, questionId);
                    // After a conflict the form carries the current version: saving again replaces what changed.
                    Integer version = errors.global().contains("surveys.builder.question.stale")
                            ? Integer.valueOf(current.rowVersion())
                            : form.version();
                    return questionPage(model, page, current, form, errors, version);
                });
    }

    @GetMapping(BASE + "/{id}/pytania/{questionId}/usun")
    String confirmRemoveQuestion(CurrentUser user, @PathVariable long id, @PathVariable long questionId, Model model) {
        operator(user);
        BuilderPage page = page(id);
        Question question = question(page, questionId);
        Confirmation confirmation = Confirmation.of(
                        path(id) + "/pytania/" + questionId + "/usun",
                        path(id) + "#pytanie-" + questionId,
                        "surveys.builder.question.remove.title",
                        "surveys.builder.question.remove.button")
                .subject(question.text())
                .consequence("surveys.builder.question.remove.gone", page.number(question))
                .consequence("confirm.irreversible");
        Optional<String> problem = builder.questionRemovalProblem(page.definition(), page.answers(), question);
        if (problem.isPresent()) {
            confirmation = confirmation.refused(problem.get());
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(BASE + "/{id}/pytania/{questionId}/usun")
    String removeQuestion(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long questionId,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        operator(user);
        question(page(id), questionId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path(id) + "/pytania/" + questionId + "/usun";
        }
        return act(id, redirect, "surveys.builder.question.removed", () -> builder.removeQuestion(id, questionId));
    }

    @PostMapping(BASE + "/{id}/pytania/{questionId}/w-gore")
    String moveUp(CurrentUser user, @PathVariable long id, @PathVariable long questionId, RedirectAttributes redirect) {
        return move(user, id, questionId, true, redirect);
    }

    @PostMapping(BASE + "/{id}/pytania/{questionId}/w-dol")
    String moveDown(
            CurrentUser user, @PathVariable long id, @PathVariable long questionId, RedirectAttributes redirect) {
        return move(user, id, questionId, false, redirect);
    }

    private String move(CurrentUser user, long id, long questionId, boolean up, RedirectAttributes redirect) {
        operator(user);
        question(page(id), questionId);
        try {
            builder.move(id, questionId, up);
            redirect.addFlashAttribute(NOTICE, "surveys.builder.question.moved");
        } catch (Refused refused) {
            redirect.addFlashAttribute(PROBLEM, refused.reasons().getFirst().messageKey());
        }
        return "redirect:" + path(id) + "#pytanie-" + questionId;
    }

    @GetMapping(BASE + "/{id}/publikuj")
    String confirmPublish(CurrentUser user, @PathVariable long id, Model model) {
        operator(user);
        BuilderPage page = page(id);
        Survey survey = page.survey();
        Confirmation confirmation = Confirmation.of(
                        path(id) + "/publikuj",
                        path(id),
                        "surveys.builder.publish.title",
                        "surveys.builder.publish.button")
                .subject(survey.title());
        Optional<String> problem = builder.publishProblem(page.definition(), page.now());
        if (problem.isPresent()) {
            confirmation = confirmation.refused(problem.get());
        } else {
            confirmation = confirmation
                    .consequence(
                            "surveys.builder.publish.when",
                            Formats.dateTime(Objects.requireNonNull(survey.opensAt())),
                            Formats.dateTime(Objects.requireNonNull(survey.closesAt())))
                    .consequence("surveys.builder.publish.questions", page.questionCount())
                    .consequence("surveys.builder.publish.rules");
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(BASE + "/{id}/publikuj")
    String publish(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        operator(user);
        builder.survey(id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path(id) + "/publikuj";
        }
        return act(id, redirect, "surveys.builder.published", () -> builder.publish(id));
    }

    @GetMapping(BASE + "/{id}/zamknij")
    String confirmClose(CurrentUser user, @PathVariable long id, Model model) {
        operator(user);
        BuilderPage page = page(id);
        Confirmation confirmation = Confirmation.of(
                        path(id) + "/zamknij", path(id), "surveys.builder.close.title", "surveys.builder.close.button")
                .subject(page.survey().title())
                .consequence("surveys.builder.close.now")
                .consequence("surveys.builder.close.submitted", page.answers().submitted())
                .consequence("surveys.builder.close.drafts", page.answers().drafts());
        Optional<String> problem = builder.closeProblem(page.survey(), page.now());
        if (problem.isPresent()) {
            confirmation = confirmation.refused(problem.get());
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(BASE + "/{id}/zamknij")
    String close(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        operator(user);
        builder.survey(id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path(id) + "/zamknij";
        }
        return act(id, redirect, "surveys.builder.closed", () -> builder.close(id));
    }

    @GetMapping(BASE + "/{id}/usun")
    String confirmDelete(CurrentUser user, @PathVariable long id, Model model) {
        operator(user);
        BuilderPage page = page(id);
        Confirmation confirmation = Confirmation.of(
                        path(id) + "/usun", path(id), "surveys.builder.delete.title", "surveys.builder.delete.button")
                .subject(page.survey().title())
                .consequence("surveys.builder.delete.questions", page.questionCount())
                .consequence("surveys.builder.delete.drafts", page.answers().drafts())
                .consequence("confirm.irreversible");
        Optional<String> problem = builder.deleteProblem(page.answers());
        if (problem.isPresent()) {
            confirmation = confirmation.refused(problem.get());
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(BASE + "/{id}/usun")
    String delete(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        operator(user);
        builder.survey(id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path(id) + "/usun";
        }
        try {
            builder.delete(id);
        } catch (Refused refused) {
            redirect.addFlashAttribute(PROBLEM, refused.reasons().getFirst().messageKey());
            return "redirect:" + path(id);
        }
        redirect.addFlashAttribute(NOTICE, "surveys.builder.deleted");
        return "redirect:" + BASE;
    }

    /** Runs an action button's operation and goes back to the builder with its notice, or the reason it was refused. */
    private String act(long id, RedirectAttributes redirect, String notice, Runnable operation) {
        try {
            operation.run();
            redirect.addFlashAttribute(NOTICE, notice);
        } catch (Refused refused) {
            redirect.addFlashAttribute(PROBLEM, refused.reasons().getFirst().messageKey());
        }
        return "redirect:" + path(id);
    }

    private void operator(CurrentUser user) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("surveys operator");
        }
    }

    private BuilderPage page(long id) {
        SurveyDefinition definition = builder.definition(id);
        return new BuilderPage(definition, builder.answers(id), Instant.now(clock));
    }

    private static Section section(BuilderPage page, long sectionId) {
        return page.definition().sections().stream()
                .filter(s -> s.id() == sectionId)
                .findFirst()
                .orElseThrow(() -> new NotFound("section", sectionId));
    }

    private static Question question(BuilderPage page, long questionId) {
        return page.definition().question(questionId).orElseThrow(() -> new NotFound("question", questionId));
    }

    private String newPage(Model model, BuilderNewForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "surveys/builder/new";
    }

    private String builderPage(Model model, BuilderPage page, BuilderSectionForm form, FormErrors errors) {
        model.addAttribute("view", page);
        model.addAttribute("sectionForm", form);
        model.addAttribute("errors", errors);
        return "surveys/builder/builder";
    }

    private String settingsPage(
            Model model, BuilderPage page, BuilderSettingsForm form, int version, FormErrors errors) {
        model.addAttribute("view", page);
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", BuilderSettingsForm.AUDIENCE_ROLES);
        model.addAttribute("regions", directory.regions());
        model.addAttribute("kinds", Arrays.asList(InstitutionKind.values()));
        model.addAttribute("modes", Arrays.asList(ResponseMode.values()));
        model.addAttribute("visibilities", Arrays.asList(ResultsVisibility.values()));
        model.addAttribute(
                "linkAddress", address.url("/ankiety/link/" + page.survey().linkToken()));
        return "surveys/builder/settings";
    }

    private String sectionPage(
            Model model, BuilderPage page, Section section, BuilderSectionForm form, FormErrors errors) {
        model.addAttribute("view", page);
        model.addAttribute("section", section);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "surveys/builder/section";
    }

    private String questionPage(
            Model model,
            BuilderPage page,
            @Nullable Question question,
            BuilderQuestionForm form,
            FormErrors errors,
            @Nullable Integer version) {
        List<Section> sections = page.definition().sections();
        long sectionId = form.sectionId() != null
                ? form.sectionId()
                : sections.isEmpty() ? -1 : sections.getLast().id();
        model.addAttribute("view", page);
        model.addAttribute("question", question);
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("types", Arrays.asList(QuestionType.values()));
        model.addAttribute("conditions", page.earlierChoices(question == null ? -1 : question.id(), sectionId));
        return "surveys/builder/question";
    }
}
