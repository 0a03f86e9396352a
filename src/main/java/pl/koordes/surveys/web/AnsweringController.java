package pl.koordes.surveys.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.surveys.internal.AnswerSheet;
import pl.koordes.surveys.internal.AnsweringList;
import pl.koordes.surveys.internal.AnsweringManagement;
import pl.koordes.surveys.internal.AnsweringManagement.Form;
import pl.koordes.surveys.internal.AnsweringManagement.Saved;
import pl.koordes.surveys.internal.Survey;

/**
 * Answering surveys: the person's list, the form (by the survey's address for its audience, by the link's
 * address for anyone signed in who has it), saving a draft and submitting, the copy of the answer, and the
 * operator's preview. The form's fields are named after the survey's definition, so it is read as a map of
 * parameters and checked against the definition ({@link AnswerSheet}) rather than bound to a record; every
 * text still goes through the one normaliser and the same limits.
 */
@Controller
class AnsweringController {

    @Bean
    static HeaderLink surveysHeaderLink() {
        return HeaderLink.to(LIST, "surveys.nav", 45, user -> true);
    }

    static final String LIST = "/ankiety";

    /** The buttons of the form: save a draft, submit. */
    static final String ACTION = "akcja";

    static final String SAVE = "zapisz";

    static final String SUBMIT = "wyslij";

    /** The response's version the form was read at. */
    static final String VERSION = "wersja";

    private final AnsweringManagement answering;
    private final AnsweringList list;

    AnsweringController(AnsweringManagement answering, AnsweringList list) {
        this.answering = answering;
        this.list = list;
    }

    @GetMapping(LIST)
    String list(CurrentUser user, Model model) {
        model.addAttribute("surveys", list.list(user));
        return "surveys/answering/list";
    }

    @GetMapping("/ankiety/{id}")
    String form(CurrentUser user, @PathVariable long id, Model model) {
        Survey survey = answering.visible(user, id);
        return page(model, answering.form(user, survey, false), survey.href(), FormErrors.none());
    }

    @PostMapping("/ankiety/{id}")
    String save(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Survey survey = answering.visible(user, id);
        return save(user, survey, false, survey.href(), parameters, model, response, redirect);
    }

    @GetMapping("/ankiety/link/{token}")
    String linkForm(CurrentUser user, @PathVariable String token, Model model) {
        Survey survey = answering.byLink(token);
        return page(model, answering.form(user, survey, true), linkPath(token), FormErrors.none());
    }

    @PostMapping("/ankiety/link/{token}")
    String linkSave(
            CurrentUser user,
            @PathVariable String token,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Survey survey = answering.byLink(token);
        return save(user, survey, true, linkPath(token), parameters, model, response, redirect);
    }

    /**
     * The copy of the submitted answer. An anonymous survey's copy exists only on the page right after
     * submitting (the values travel from the submitted form); later the page says only that it was sent.
     */
    @GetMapping("/ankiety/{id}/moja-odpowiedz")
    String copy(CurrentUser user, @PathVariable long id, Model model) {
        Survey survey = answering.visible(user, id);
        Object typed = model.getAttribute("anonymousCopy");
        if (survey.anonymous()) {
            Form form = typed instanceof Map<?, ?> values
                    ? answering.copyOfSnapshot(user, survey, values)
                    : answering.copy(user, survey).orElse(null);
            if (form == null) {
                return "redirect:" + survey.href();
            }
            model.addAttribute("form", form);
            model.addAttribute("shown", typed instanceof Map<?, ?>);
            return "surveys/answering/copy";
        }
        Form form = answering.copy(user, survey).orElse(null);
        if (form == null) {
            return "redirect:" + survey.href();
        }
        model.addAttribute("form", form);
        model.addAttribute("shown", true);
        return "surveys/answering/copy";
    }

    @GetMapping("/ankiety/obsluga/{id}/podglad")
    String preview(CurrentUser user, @PathVariable long id, Model model) {
        return previewPage(model, answering.preview(user, id, null), id, FormErrors.none(), false);
    }

    /** The preview checks the answers as a submission would; nothing is stored, whatever the result. */
    @PostMapping("/ankiety/obsluga/{id}/podglad")
    String previewCheck(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            HttpServletResponse response) {
        Form form = answering.preview(user, id, parameters);
        Map<String, String> errors = answering.check(form);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return previewPage(model, form, id, FormErrors.of(errors), errors.isEmpty());
    }

    private String save(
            CurrentUser user,
            Survey survey,
            boolean viaLink,
            String action,
            MultiValueMap<String, String> parameters,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean submit = SUBMIT.equals(parameters.getFirst(ACTION));
        Integer version = version(parameters.getFirst(VERSION));
        try {
            Saved saved = answering.save(user, survey.id(), viaLink, parameters, version, submit);
            if (saved == Saved.DRAFT) {
                redirect.addFlashAttribute("answeringNotice", "surveys.answering.saved");
                return "redirect:" + action;
            }
            redirect.addFlashAttribute(
                    "answeringNotice",
                    saved == Saved.CHANGED ? "surveys.answering.changed" : "surveys.answering.submitted");
            if (survey.anonymous()) {
                Form typed = answering.copyOfTyped(user, survey, parameters);
                redirect.addFlashAttribute("anonymousCopy", typed.sheet().snapshot());
            }
            return "redirect:" + survey.href() + "/moja-odpowiedz";
        } catch (Refused refused) {
            response.setStatus(
                    refused.kind() == Refused.Kind.CONFLICT
                            ? HttpStatus.CONFLICT.value()
                            : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, answering.formAgain(user, survey, viaLink, parameters), action, FormErrors.of(refused));
        }
    }

    private static String page(Model model, Form form, String action, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("action", action);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", false);
        model.addAttribute("checked", false);
        return "surveys/answering/form";
    }

    private static String previewPage(Model model, Form form, long id, FormErrors errors, boolean checked) {
        model.addAttribute("form", form);
        model.addAttribute("action", "/ankiety/obsluga/" + id + "/podglad");
        model.addAttribute("errors", errors);
        model.addAttribute("preview", true);
        model.addAttribute("checked", checked);
        return "surveys/answering/form";
    }

    private static String linkPath(String token) {
        return "/ankiety/link/" + token;
    }

    private static @Nullable Integer version(@Nullable String text) {
        if (text == null || !text.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(text);
    }
}
