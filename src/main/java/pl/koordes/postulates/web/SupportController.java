package pl.koordes.postulates.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.postulates.internal.Postulate;
import pl.koordes.postulates.internal.PostulatePermissions;
import pl.koordes.postulates.internal.PostulateStore;
import pl.koordes.postulates.internal.SupportManagement;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;

/**
 * Support for a postulate from its page: co-signing on behalf of another region (withdrawing asks first),
 * endorsing personally, following; and the person's list of followed postulates. Each action posts, acts
 * and leads back to the page's support section with what happened or why not (a closed window). Who may:
 * {@link PostulatePermissions}; a postulate the person may not see is 404, an action they may not take 403.
 */
@Controller
class SupportController {

    static final String FOLLOWED = "/moje/obserwowane-postulaty";

    /** The form field naming the region a coordinator of several regions signs for. */
    static final String REGION = "wojewodztwo";

    private final SupportManagement support;
    private final PostulateStore store;
    private final PostulatePermissions permissions;
    private final Directory directory;
    private final Clock clock;

    SupportController(
            SupportManagement support,
            PostulateStore store,
            PostulatePermissions permissions,
            Directory directory,
            Clock clock) {
        this.support = support;
        this.store = store;
        this.permissions = permissions;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping("/postulaty/{id}/podpis")
    String cosign(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = REGION, required = false) @Nullable String region,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        Postulate postulate = visible(user, id);
        Long chosen = region(user, postulate, region);
        if (chosen == null) {
            return back(redirect, id, SupportSection.PROBLEM, "postulates.support.cosign.chooseRegion");
        }
        return act(
                () -> support.cosign(user, id, chosen),
                id,
                "postulates.support.done.cosigned",
                "postulates.support.done.cosignedAlready",
                redirect,
                model,
                response);
    }

    /** Asks before a region's signature is withdrawn; checked as the withdrawal itself. */
    @GetMapping("/postulaty/{id}/podpis/wycofaj")
    String confirmWithdrawCosign(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = REGION, required = false) @Nullable String region,
            Locale locale,
            Model model) {
        Postulate postulate = visible(user, id);
        Long chosen = region(user, postulate, region);
        if (chosen == null) {
            return "redirect:" + postulate.href() + "#poparcie";
        }
        Region named = directory.region(chosen).orElseThrow(() -> new NotFound("region", chosen));
        Confirmation confirmation = Confirmation.of(
                        "/postulaty/" + id + "/podpis/wycofaj",
                        postulate.href() + "#poparcie",
                        "postulates.support.confirm.title",
                        "postulates.support.confirm.button")
                .subject(postulate.title())
                .field(REGION, String.valueOf(chosen));
        String closes = postulate.signingClosesAt() == null ? "" : Formats.date(postulate.signingClosesAt());
        if (!permissions.signingOpen(postulate.status(), postulate.signingClosesAt(), clock.instant())) {
            confirmation = confirmation.refused("postulates.support.closed");
        } else {
            confirmation = confirmation
                    .consequence("postulates.support.confirm.shown", named.name(locale))
                    .consequence("postulates.support.confirm.again", closes);
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping("/postulaty/{id}/podpis/wycofaj")
    String withdrawCosign(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = REGION, required = false) @Nullable String region,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        Postulate postulate = visible(user, id);
        Long chosen = region(user, postulate, region);
        if (chosen == null) {
            return back(redirect, id, SupportSection.PROBLEM, "postulates.support.cosign.chooseRegion");
        }
        if (!Confirmation.given(confirmed)) {
            return "redirect:/postulaty/" + id + "/podpis/wycofaj?" + REGION + "=" + chosen;
        }
        return act(
                () -> support.withdrawCosign(user, id, chosen),
                id,
                "postulates.support.done.cosignWithdrawn",
                "postulates.support.done.nothing",
                redirect,
                model,
                response);
    }

    @PostMapping("/postulaty/{id}/poparcie")
    String endorse(
            CurrentUser user,
            @PathVariable long id,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        allowed(user, id, permissions.canEndorse(user), "endorse");
        return act(
                () -> support.endorse(user, id),
                id,
                "postulates.support.done.endorsed",
                "postulates.support.done.nothing",
                redirect,
                model,
                response);
    }

    @PostMapping("/postulaty/{id}/poparcie/wycofaj")
    String withdrawEndorsement(
            CurrentUser user,
            @PathVariable long id,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        allowed(user, id, permissions.canEndorse(user), "endorse");
        return act(
                () -> support.withdrawEndorsement(user, id),
                id,
                "postulates.support.done.endorsementWithdrawn",
                "postulates.support.done.nothing",
                redirect,
                model,
                response);
    }

    @PostMapping("/postulaty/{id}/obserwuj")
    String follow(
            CurrentUser user,
            @PathVariable long id,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        allowed(user, id, permissions.canFollow(user), "follow");
        return act(
                () -> support.follow(user, id),
                id,
                "postulates.support.done.followed",
                "postulates.support.done.nothing",
                redirect,
                model,
                response);
    }

    @PostMapping("/postulaty/{id}/obserwuj/wycofaj")
    String unfollow(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        Postulate postulate = store.find(id).orElseThrow(() -> new NotFound("postulate", id));
        boolean removed = support.unfollow(user, id);
        redirect.addFlashAttribute(
                SupportSection.NOTICE,
                removed ? "postulates.support.done.unfollowed" : "postulates.support.done.nothing");
        return "redirect:"
                + (permissions.canSee(user, postulate.status(), postulate.regionId())
                        ? postulate.href() + "#poparcie"
                        : FOLLOWED);
    }

    @GetMapping(FOLLOWED)
    String followed(CurrentUser user, Model model) {
        model.addAttribute("followed", support.followed(user.id()));
        model.addAttribute("regions", directory.regionsById());
        return "postulates/support/followed";
    }

    private Postulate visible(CurrentUser user, long id) {
        Postulate postulate = store.find(id).orElseThrow(() -> new NotFound("postulate", id));
        if (!permissions.canSee(user, postulate.status(), postulate.regionId())) {
            throw new NotFound("postulate", id);
        }
        return postulate;
    }

    /**
     * The region the person signs for: the one named in the form, or their only one; null when they coordinate
     * several and named none. A region they may not sign for (their postulate's own, one they do not coordinate,
     * a malformed value) is 403.
     */
    private @Nullable Long region(CurrentUser user, Postulate postulate, @Nullable String region) {
        List<Long> regions = permissions.cosigningRegions(user, postulate.regionId());
        if (regions.isEmpty()) {
            throw new AccessDeniedException("cosign");
        }
        if (region == null || region.isBlank()) {
            return regions.size() == 1 ? regions.getFirst() : null;
        }
        long chosen;
        try {
            chosen = Long.parseLong(region.trim());
        } catch (NumberFormatException malformed) {
            throw new AccessDeniedException("cosign");
        }
        if (!regions.contains(chosen)) {
            throw new AccessDeniedException("cosign");
        }
        return chosen;
    }

    /** A postulate the person may see (404 otherwise) and an action they may take on it (403 otherwise). */
    private void allowed(CurrentUser user, long id, boolean mayAct, String action) {
        visible(user, id);
        if (!mayAct) {
            throw new AccessDeniedException(action);
        }
    }

    /**
     * Takes a support action and leads back to the page's support section, saying whether it changed something
     * ({@code done}) or not ({@code unchanged}: a repeated request), or why it was not taken.
     */
    private String act(
            BooleanSupplier action,
            long id,
            String done,
            String unchanged,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        try {
            return back(redirect, id, SupportSection.NOTICE, action.getAsBoolean() ? done : unchanged);
        } catch (Refused refused) {
            return refused(refused, id, model, response);
        }
    }

    /**
     * Why the action was not taken (the window closed meanwhile), on a page of its own with the way back: 409
     * for a conflict with the postulate's state, 422 otherwise.
     */
    private String refused(Refused refused, long id, Model model, HttpServletResponse response) {
        response.setStatus(
                refused.kind() == Refused.Kind.CONFLICT
                        ? HttpStatus.CONFLICT.value()
                        : HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problem", refused.messageKey());
        model.addAttribute("back", Postulate.path(id) + "#poparcie");
        return "postulates/support/refused";
    }

    private static String back(RedirectAttributes redirect, long id, String attribute, String key) {
        redirect.addFlashAttribute(attribute, key);
        return "redirect:" + Postulate.path(id) + "#poparcie";
    }
}
