package pl.koordes.surveys.web;

import static pl.koordes.surveys.web.BuilderController.BASE;
import static pl.koordes.surveys.web.BuilderController.path;
import static pl.koordes.surveys.web.BuilderPages.NOTICE;
import static pl.koordes.surveys.web.BuilderPages.PROBLEM;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.surveys.QuestionType;
import pl.koordes.surveys.internal.BuilderPage;
import pl.koordes.surveys.internal.BuilderQuestionForm;
import pl.koordes.surveys.internal.BuilderQuestions;
import pl.koordes.surveys.internal.BuilderSectionForm;
import pl.koordes.surveys.internal.BuilderSections;
import pl.koordes.surveys.internal.BuilderSurveys;
import pl.koordes.surveys.internal.SurveyDefinition.Question;
import pl.koordes.surveys.internal.SurveyDefinition.Section;
import pl.koordes.surveys.internal.SurveyPermissions;

/**
 * The builder of one survey, for the operator: its page with the sections and questions, adding, editing and
 * removing them (removals asked first) and reordering questions without script. Every handler checks
 * {@link SurveyPermissions#isOperator} before it reads anything; the rules are {@link BuilderSections}' and
 * {@link BuilderQuestions}'.
 */
@Controller
class BuilderQuestionsController {

    private final BuilderSurveys surveys;
    private final BuilderSections sections;
    private final BuilderQuestions questions;
    private final BuilderPages pages;

    BuilderQuestionsController(
            BuilderSurveys surveys, BuilderSections sections, BuilderQuestions questions, BuilderPages pages) {
        this.surveys = surveys;
        this.sections = sections;
        this.questions = questions;
        this.pages = pages;
    }

    @GetMapping(BASE + "/{id}")
    String builderPage(CurrentUser user, @PathVariable long id, Model model) {
        pages.operator(user);
        return builderPage(model, pages.page(id), BuilderSectionForm.empty(), FormErrors.none());
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
        pages.operator(user);
        surveys.survey(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long sectionId = sections.addSection(id, form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.section.added");
                    return "redirect:" + path(id) + "#sekcja-" + sectionId;
                },
                errors -> builderPage(model, pages.page(id), form, errors));
    }

    @GetMapping(BASE + "/{id}/sekcje/{sectionId}")
    String section(CurrentUser user, @PathVariable long id, @PathVariable long sectionId, Model model) {
        pages.operator(user);
        BuilderPage page = pages.page(id);
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
        pages.operator(user);
        BuilderPage page = pages.page(id);
        Section section = section(page, sectionId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    sections.updateSection(id, sectionId, form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.section.saved");
                    return "redirect:" + path(id) + "#sekcja-" + sectionId;
                },
                errors -> sectionPage(model, page, section, form, errors));
    }

    @GetMapping(BASE + "/{id}/sekcje/{sectionId}/usun")
    String confirmRemoveSection(CurrentUser user, @PathVariable long id, @PathVariable long sectionId, Model model) {
        pages.operator(user);
        BuilderPage page = pages.page(id);
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
        Optional<String> problem = sections.sectionRemovalProblem(page.definition(), page.answers(), sectionId);
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
        pages.operator(user);
        section(pages.page(id), sectionId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path(id) + "/sekcje/" + sectionId + "/usun";
        }
        return pages.act(id, redirect, "surveys.builder.section.removed", () -> sections.removeSection(id, sectionId));
    }

    @GetMapping(BASE + "/{id}/pytania/nowe")
    String newQuestion(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = "sekcja", required = false) @Nullable Long sectionId,
            Model model,
            RedirectAttributes redirect) {
        pages.operator(user);
        BuilderPage page = pages.page(id);
        List<Section> all = page.definition().sections();
        if (all.isEmpty()) {
            redirect.addFlashAttribute(PROBLEM, "surveys.builder.section.first");
            return "redirect:" + path(id);
        }
        Section section = sectionId == null ? all.getLast() : section(page, sectionId);
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
        pages.operator(user);
        surveys.survey(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long questionId = questions.addQuestion(id, form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.question.added");
                    return "redirect:" + path(id) + "#pytanie-" + questionId;
                },
                errors -> questionPage(model, pages.page(id), null, form, errors, null));
    }

    @GetMapping(BASE + "/{id}/pytania/{questionId}")
    String question(CurrentUser user, @PathVariable long id, @PathVariable long questionId, Model model) {
        pages.operator(user);
        BuilderPage page = pages.page(id);
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
        pages.operator(user);
        question(pages.page(id), questionId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    questions.updateQuestion(id, questionId, form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.question.saved");
                    return "redirect:" + path(id) + "#pytanie-" + questionId;
                },
                errors -> {
                    BuilderPage page = pages.page(id);
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
        pages.operator(user);
        BuilderPage page = pages.page(id);
        Question question = question(page, questionId);
        Confirmation confirmation = Confirmation.of(
                        path(id) + "/pytania/" + questionId + "/usun",
                        path(id) + "#pytanie-" + questionId,
                        "surveys.builder.question.remove.title",
                        "surveys.builder.question.remove.button")
                .subject(question.text())
                .consequence("surveys.builder.question.remove.gone", page.number(question))
                .consequence("confirm.irreversible");
        Optional<String> problem = questions.questionRemovalProblem(page.definition(), page.answers(), question);
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
        pages.operator(user);
        question(pages.page(id), questionId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path(id) + "/pytania/" + questionId + "/usun";
        }
        return pages.act(
                id, redirect, "surveys.builder.question.removed", () -> questions.removeQuestion(id, questionId));
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
        pages.operator(user);
        question(pages.page(id), questionId);
        try {
            questions.move(id, questionId, up);
            redirect.addFlashAttribute(NOTICE, "surveys.builder.question.moved");
        } catch (Refused refused) {
            redirect.addFlashAttribute(PROBLEM, refused.reasons().getFirst().messageKey());
        }
        return "redirect:" + path(id) + "#pytanie-" + questionId;
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

    private String builderPage(Model model, BuilderPage page, BuilderSectionForm form, FormErrors errors) {
        model.addAttribute("view", page);
        model.addAttribute("sectionForm", form);
        model.addAttribute("errors", errors);
        return "surveys/builder/builder";
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
        List<Section> all = page.definition().sections();
        long sectionId = form.sectionId() != null
                ? form.sectionId()
                : all.isEmpty() ? -1 : all.getLast().id();
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
