package pl.koordes.surveys.web;

import static pl.koordes.surveys.web.BuilderPages.NOTICE;
import static pl.koordes.surveys.web.BuilderPages.PROBLEM;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
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
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.PublicAddress;
import pl.koordes.surveys.ResponseMode;
import pl.koordes.surveys.ResultsVisibility;
import pl.koordes.surveys.internal.BuilderNewForm;
import pl.koordes.surveys.internal.BuilderPage;
import pl.koordes.surveys.internal.BuilderSettingsForm;
import pl.koordes.surveys.internal.BuilderSurveys;
import pl.koordes.surveys.internal.Survey;
import pl.koordes.surveys.internal.SurveyPermissions;

/**
 * Building surveys, for the operator (editors, administrators): the list of surveys, a new one or a copy of
 * an earlier one, its settings, publishing, closing and deleting (each asked first); its sections and
 * questions are {@link BuilderQuestionsController}'s. Every handler checks {@link SurveyPermissions#isOperator}
 * before it reads anything; the rules are {@link BuilderSurveys}'.
 */
@Controller
class BuilderController {

    /** The header's link to the list of surveys, for operators. */
    @Bean
    static HeaderLink surveysBuilderLink(SurveyPermissions permissions) {
        return HeaderLink.to(BASE, "surveys.builder.link", 64, permissions::isOperator);
    }

    static final String BASE = "/ankiety/obsluga";

    private final BuilderSurveys surveys;
    private final BuilderPages pages;
    private final Directory directory;
    private final PublicAddress address;
    private final Clock clock;

    BuilderController(
            BuilderSurveys surveys, BuilderPages pages, Directory directory, PublicAddress address, Clock clock) {
        this.surveys = surveys;
        this.pages = pages;
        this.directory = directory;
        this.address = address;
        this.clock = clock;
    }

    static String path(long surveyId) {
        return BASE + "/" + surveyId;
    }

    @GetMapping(BASE)
    String list(CurrentUser user, Model model) {
        pages.operator(user);
        model.addAttribute("rows", surveys.list());
        model.addAttribute("now", Instant.now(clock));
        return "surveys/builder/list";
    }

    @GetMapping(BASE + "/nowa")
    String newSurvey(CurrentUser user, Model model) {
        pages.operator(user);
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
        pages.operator(user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = surveys.create(user.id(), form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.created");
                    return "redirect:" + path(id);
                },
                errors -> newPage(model, form, errors));
    }

    @PostMapping(BASE + "/{id}/kopiuj")
    String copy(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        pages.operator(user);
        long copy = surveys.copy(user.id(), id);
        redirect.addFlashAttribute(NOTICE, "surveys.builder.copied");
        return "redirect:" + path(copy);
    }

    @GetMapping(BASE + "/{id}/ustawienia")
    String settings(CurrentUser user, @PathVariable long id, Model model) {
        pages.operator(user);
        Survey survey = surveys.survey(id);
        return settingsPage(
                model, pages.page(id), BuilderSettingsForm.of(survey), survey.rowVersion(), FormErrors.none());
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
        pages.operator(user);
        surveys.survey(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    surveys.updateSettings(id, form);
                    redirect.addFlashAttribute(NOTICE, "surveys.builder.settings.saved");
                    return "redirect:" + path(id);
                },
                errors -> {
                    BuilderPage page = pages.page(id);
                    // After a conflict the form carries the current version: saving again replaces what changed.
                    int version = errors.global().contains("surveys.builder.stale")
                            ? page.survey().rowVersion()
                            : form.version() == null ? page.survey().rowVersion() : form.version();
                    return settingsPage(model, page, form, version, errors);
                });
    }

    @GetMapping(BASE + "/{id}/publikuj")
    String confirmPublish(CurrentUser user, @PathVariable long id, Model model) {
        pages.operator(user);
        BuilderPage page = pages.page(id);
        Survey survey = page.survey();
        Confirmation confirmation = Confirmation.of(
                        path(id) + "/publikuj",
                        path(id),
                        "surveys.builder.publish.title",
                        "surveys.builder.publish.button")
                .subject(survey.title());
        Optional<String> problem = surveys.publishProblem(page.definition(), page.now());
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
        pages.operator(user);
        surveys.survey(id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path(id) + "/publikuj";
        }
        return pages.act(id, redirect, "surveys.builder.published", () -> surveys.publish(id));
    }

    @GetMapping(BASE + "/{id}/zamknij")
    String confirmClose(CurrentUser user, @PathVariable long id, Model model) {
        pages.operator(user);
        BuilderPage page = pages.page(id);
        Confirmation confirmation = Confirmation.of(
                        path(id) + "/zamknij", path(id), "surveys.builder.close.title", "surveys.builder.close.button")
                .subject(page.survey().title())
                .consequence("surveys.builder.close.now")
                .consequence("surveys.builder.close.submitted", page.answers().submitted())
                .consequence("surveys.builder.close.drafts", page.answers().drafts());
        Optional<String> problem = surveys.closeProblem(page.survey(), page.now());
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
        pages.operator(user);
        surveys.survey(id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path(id) + "/zamknij";
        }
        return pages.act(id, redirect, "surveys.builder.closed", () -> surveys.close(id));
    }

    @GetMapping(BASE + "/{id}/usun")
    String confirmDelete(CurrentUser user, @PathVariable long id, Model model) {
        pages.operator(user);
        BuilderPage page = pages.page(id);
        Confirmation confirmation = Confirmation.of(
                        path(id) + "/usun", path(id), "surveys.builder.delete.title", "surveys.builder.delete.button")
                .subject(page.survey().title())
                .consequence("surveys.builder.delete.questions", page.questionCount())
                .consequence("surveys.builder.delete.drafts", page.answers().drafts())
                .consequence("confirm.irreversible");
        Optional<String> problem = surveys.deleteProblem(page.answers());
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
        pages.operator(user);
        surveys.survey(id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path(id) + "/usun";
        }
        try {
            surveys.delete(id);
        } catch (Refused refused) {
            redirect.addFlashAttribute(PROBLEM, refused.reasons().getFirst().messageKey());
            return "redirect:" + path(id);
        }
        redirect.addFlashAttribute(NOTICE, "surveys.builder.deleted");
        return "redirect:" + BASE;
    }

    private String newPage(Model model, BuilderNewForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "surveys/builder/new";
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
}
