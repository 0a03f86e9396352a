package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.ProgrammeStore;
import pl.koordes.monitoring.internal.ProgrammeViews.Version;
import pl.koordes.monitoring.internal.VersionStatus;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * What the draft's pages ({@link ProgrammeDraftController}, {@link ProgrammeContentController}) share:
 * finding the region in the address in the order that keeps other regions' drafts out of reach (unknown
 * region 404, not this person's 403, then the region's draft or 404), showing a form of the draft, saving
 * one, and asking before a deletion.
 */
@Component
class ProgrammeDraftPages {

    /** A region's draft, found through the address and checked for this person. */
    record Draft(Region region, Version version) {}

    private final Directory directory;
    private final ProgrammeStore store;
    private final MonitoringPermissions permissions;

    ProgrammeDraftPages(Directory directory, ProgrammeStore store, MonitoringPermissions permissions) {
        this.directory = directory;
        this.store = store;
        this.permissions = permissions;
    }

    /** The region in the address when this person may read its draft: unknown 404, not theirs 403. */
    Region readable(String slug, CurrentUser user) {
        return region(slug, user, permissions::canReadRegion, "programme draft of region ");
    }

    Region editable(String slug, CurrentUser user) {
        return region(slug, user, permissions::canEditProgramme, "programme of region ");
    }

    /** The draft of the region in the address, for a person who may edit it. */
    Draft editableDraft(String slug, CurrentUser user) {
        Region region = editable(slug, user);
        return new Draft(region, draftOf(region));
    }

    /** The draft of the region in the address, for a person who may give the committee's opinion. */
    Draft committeeDraft(String slug, CurrentUser user) {
        Region region = region(slug, user, permissions::canGiveCommitteeOpinion, "committee opinion of region ");
        return new Draft(region, draftOf(region));
    }

    private Region region(String slug, CurrentUser user, BiPredicate<CurrentUser, Long> allowed, String what) {
        Region region = directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
        if (!allowed.test(user, region.id())) {
            throw new AccessDeniedException(what + region.id());
        }
        return region;
    }

    Version draftOf(Region region) {
        return draftOf(region, store.versions(region.id()));
    }

    static Version draftOf(Region region, List<Version> versions) {
        return ProgrammeStore.withStatus(versions, VersionStatus.DRAFT)
                .orElseThrow(() -> new NotFound("programme draft of region", region.id()));
    }

    static String base(Region region) {
        return ProgrammeController.BASE + "/" + region.slug() + "/projekt";
    }

    static String redirectTo(Region region) {
        return "redirect:" + base(region);
    }

    /** One of the draft's forms ({@code kind} names its template); actions and indicators get their choices. */
    String showForm(Model model, Draft draft, String kind, Object form, FormErrors errors) {
        model.addAttribute("region", draft.region());
        model.addAttribute("draft", draft.version());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if ("action".equals(kind) || "indicator".equals(kind)) {
            model.addAttribute("content", store.content(draft.version()));
            model.addAttribute("directions", store.directions());
            model.addAttribute("nationals", store.nationalIndicators());
        }
        return "monitoring/programmes/" + kind;
    }

    /**
     * Saves a form of the draft: the operation runs when the form passes, then back to the draft with
     * "saved"; otherwise (or when it is refused) the form again as typed.
     */
    String save(
            Draft draft,
            String kind,
            Object form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect,
            Runnable operation) {
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    operation.run();
                    redirect.addFlashAttribute("notice", "monitoring.programmes.saved");
                    return redirectTo(draft.region());
                },
                errors -> showForm(model, draft, kind, form, errors));
    }

    /** The question before a change of the draft at {@code path}, titled and labelled by {@code key}. */
    static Confirmation question(Draft draft, String path, String key, String subject) {
        String base = base(draft.region());
        return Confirmation.of(base + path, base, key + ".title", key + ".button")
                .subject(subject);
    }

    /** Shows the question, carrying the draft's row version to the answer. */
    static String ask(Model model, Draft draft, Confirmation question) {
        model.addAttribute(
                "confirmation",
                question.field("rowVersion", Integer.toString(draft.version().rowVersion())));
        return "shared/confirm";
    }

    /** Deletes once the question at {@code path} was answered; without the answer, back to the question. */
    static String delete(
            Draft draft, String path, @Nullable String confirmed, RedirectAttributes redirect, Runnable deletion) {
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + base(draft.region()) + path;
        }
        deletion.run();
        redirect.addFlashAttribute("notice", "monitoring.programmes.deleted");
        return redirectTo(draft.region());
    }
}
