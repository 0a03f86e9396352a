package pl.koordes.committees.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
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
import pl.koordes.committees.ResolutionKind;
import pl.koordes.committees.internal.CommitteePaths;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.Resolution;
import pl.koordes.committees.internal.ResolutionForm;
import pl.koordes.committees.internal.ResolutionManagement;
import pl.koordes.committees.internal.ResolutionStore;
import pl.koordes.monitoring.ProgrammeDrafts;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.Paged;

/**
 * Resolutions and opinions of a region's committee (/komitet/{slug}/uchwaly): the list and each one's page for
 * anyone (public ones; the committee's insiders see internal ones too — to everyone else an internal one, or
 * another region's id, is not there: 404), and the secretary's forms to add, edit and remove (others: 403).
 */
@Controller
class ResolutionsController {

    static final String BASE = "/komitet/{slug}/uchwaly";

    /** Resolutions per page of the list. */
    static final int PAGE_SIZE = 50;

    private final SpaceAccess spaces;
    private final ResolutionStore store;
    private final ResolutionManagement management;
    private final CommitteePermissions permissions;
    private final ProgrammeDrafts drafts;
    private final Messages messages;

    ResolutionsController(
            SpaceAccess spaces,
            ResolutionStore store,
            ResolutionManagement management,
            CommitteePermissions permissions,
            ProgrammeDrafts drafts,
            Messages messages) {
        this.spaces = spaces;
        this.store = store;
        this.management = management;
        this.permissions = permissions;
        this.drafts = drafts;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String list(
            @PathVariable String slug,
            @RequestParam(name = "rodzaj", required = false) @Nullable ResolutionKind kind,
            @RequestParam(name = "rok", required = false) @Nullable Integer year,
            @RequestParam(name = "strona", required = false) @Nullable String strona,
            Optional<CurrentUser> user,
            Model model) {
        CommitteeSpace space = spaces.space(slug);
        long region = space.region().id();
        boolean internal = permissions.canSeeInternal(user.orElse(null), region);
        model.addAttribute("space", space);
        model.addAttribute("resolutions", store.page(region, kind, year, internal, Paged.number(strona), PAGE_SIZE));
        model.addAttribute("years", store.years(region, internal));
        model.addAttribute("kind", kind);
        model.addAttribute("year", year);
        model.addAttribute("internal", internal);
        model.addAttribute("canManage", permissions.canManage(user.orElse(null), region));
        return "committees/resolutions/list";
    }

    @GetMapping(BASE + "/{id}")
    String show(@PathVariable String slug, @PathVariable long id, Optional<CurrentUser> user, Model model) {
        CommitteeSpace space = spaces.space(slug);
        long region = space.region().id();
        boolean internal = permissions.canSeeInternal(user.orElse(null), region);
        Resolution resolution =
                store.find(region, id, internal).orElseThrow(() -> new NotFound("committee resolution", id));
        // An outsider's way back is the region's public page: the committee's space would only ask them to sign in.
        model.addAttribute("internal", internal);
        return ResolutionPage.show(
                model,
                space,
                resolution,
                store,
                permissions.canManage(user.orElse(null), region),
                drafts,
                FormErrors.none());
    }

    @GetMapping(BASE + "/nowa")
    String newForm(@PathVariable String slug, CurrentUser user, Model model) {
        CommitteeSpace space = spaces.secretary(user, slug);
        return form(model, space, null, ResolutionForm.empty(management.today()), FormErrors.none());
    }

    @PostMapping(BASE + "/nowa")
    String add(
            @PathVariable String slug,
            CurrentUser user,
            @Valid ResolutionForm form,
            BindingResult result,
            @RequestParam(name = "odswiez", required = false) @Nullable String refresh,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommitteeSpace space = spaces.secretary(user, slug);
        if (refresh != null) {
            return form(model, space, null, form, FormErrors.none());
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = management.add(user.id(), space.region().id(), form);
                    redirect.addFlashAttribute("notice", "committees.resolutions.added");
                    return "redirect:" + CommitteePaths.space(space) + "/uchwaly/" + id;
                },
                errors -> form(model, space, null, form, errors));
    }

    @GetMapping(BASE + "/{id}/edycja")
    String editForm(@PathVariable String slug, @PathVariable long id, CurrentUser user, Model model) {
        CommitteeSpace space = spaces.secretary(user, slug);
        Resolution resolution = resolution(space, id);
        List<Long> present = store.present(id).stream()
                .map(ResolutionStore.Present::membershipId)
                .toList();
        return form(model, space, resolution, ResolutionForm.of(resolution, present), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/edycja")
    String update(
            @PathVariable String slug,
            @PathVariable long id,
            CurrentUser user,
            @Valid ResolutionForm form,
            BindingResult result,
            @RequestParam(name = "odswiez", required = false) @Nullable String refresh,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommitteeSpace space = spaces.secretary(user, slug);
        Resolution resolution = resolution(space, id);
        if (refresh != null) {
            return form(model, space, resolution, form, FormErrors.none());
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.update(space.region().id(), id, form);
                    redirect.addFlashAttribute("notice", "committees.resolutions.saved");
                    return "redirect:" + resolution.path(space.region().slug());
                },
                errors -> form(model, space, resolution, form, errors));
    }

    @GetMapping(BASE + "/{id}/usun")
    String confirmRemove(
            @PathVariable String slug, @PathVariable long id, CurrentUser user, Locale locale, Model model) {
        CommitteeSpace space = spaces.secretary(user, slug);
        Resolution resolution = resolution(space, id);
        String path = resolution.path(space.region().slug());
        int attachments = store.attachments(id).size();
        Confirmation confirmation = Confirmation.of(
                        path + "/usun",
                        path,
                        "committees.resolutions.confirm.remove.title",
                        "committees.resolutions.confirm.remove.button")
                .subject(messages.get(locale, resolution.labelKey(), resolution.numberText()) + ": "
                        + resolution.title())
                .consequence("committees.resolutions.confirm.remove.attachments", attachments)
                .consequence("committees.resolutions.confirm.remove.number", resolution.numberText())
                .consequence("confirm.irreversible");
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(BASE + "/{id}/usun")
    String remove(
            @PathVariable String slug,
            @PathVariable long id,
            CurrentUser user,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        CommitteeSpace space = spaces.secretary(user, slug);
        Resolution resolution = resolution(space, id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + resolution.path(space.region().slug()) + "/usun";
        }
        management.remove(space.region().id(), id);
        redirect.addFlashAttribute("notice", "committees.resolutions.removed");
        return "redirect:" + CommitteePaths.space(space) + "/uchwaly";
    }

    private String form(
            Model model,
            CommitteeSpace space,
            @Nullable Resolution resolution,
            ResolutionForm form,
            FormErrors errors) {
        long region = space.region().id();
        model.addAttribute("space", space);
        model.addAttribute("resolution", resolution);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "members",
                management.sittingOn(region, form.adoptedOn() == null ? management.today() : form.adoptedOn()));
        model.addAttribute("meetings", store.heldMeetings(region));
        model.addAttribute("draft", drafts.draft(region).orElse(null));
        return "committees/resolutions/form";
    }

    private Resolution resolution(CommitteeSpace space, long id) {
        return store.find(space.region().id(), id, true).orElseThrow(() -> new NotFound("committee resolution", id));
    }
}
