package pl.koordes.committees.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.committees.internal.AccountLinkForm;
import pl.koordes.committees.internal.BodyKindForm;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.CompositionManagement;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * "Skład i kadencje" of a committee: the current members with their function, organisation, kind of body and
 * term, the kinds of bodies the Act names that are represented and missing, and the history of ended terms
 * (insiders: the region's coordinators and committee members, administrators). The secretary (a coordinator)
 * sets a member's kind of body and links the member to an account; unlinking asks first.
 */
@Controller
class CompositionController {

    static final String BASE = "/komitet/{slug}/sklad";

    private final CompositionManagement composition;
    private final CommitteePermissions permissions;
    private final Messages messages;

    private final SpaceAccess spaces;

    CompositionController(
            CompositionManagement composition,
            CommitteePermissions permissions,
            Messages messages,
            SpaceAccess spaces) {
        this.composition = composition;
        this.spaces = spaces;
        this.permissions = permissions;
        this.messages = messages;
    }

    static String path(CommitteeSpace space) {
        return "/komitet/" + space.region().slug() + "/sklad";
    }

    @GetMapping(BASE)
    String page(@Nullable CurrentUser user, @PathVariable String slug, Model model) {
        CommitteeSpace space = spaces.insider(user, slug);
        boolean manage = permissions.canManage(user, space.region().id());
        model.addAttribute("space", space);
        model.addAttribute("composition", composition.composition(space));
        model.addAttribute("manage", manage);
        model.addAttribute("today", composition.today());
        return "committees/composition/composition";
    }

    @GetMapping(BASE + "/{membershipId}")
    String member(@Nullable CurrentUser user, @PathVariable String slug, @PathVariable long membershipId, Model model) {
        CommitteeSpace space = managed(user, slug);
        CommitteeSeat seat = seat(space, membershipId);
        String linked = linkedEmail(space, seat);
        return memberPage(
                model,
                space,
                seat,
                new BodyKindForm(seat.bodyKind()),
                AccountLinkForm.of(linked),
                linked,
                FormErrors.none());
    }

    @PostMapping(BASE + "/{membershipId}/rodzaj")
    String setBodyKind(
            @Nullable CurrentUser user,
            @PathVariable String slug,
            @PathVariable long membershipId,
            @Valid BodyKindForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CommitteeSpace space = managed(user, slug);
        CommitteeSeat seat = seat(space, membershipId);
        String linked = linkedEmail(space, seat);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    composition.setBodyKind(space, membershipId, form);
                    redirect.addFlashAttribute("notice", "committees.composition.bodyKind.saved");
                    return "redirect:" + path(space) + "#czlonek-" + membershipId;
                },
                errors -> memberPage(model, space, seat, form, AccountLinkForm.of(linked), linked, errors));
    }

    @PostMapping(BASE + "/{membershipId}/konto")
    String link(
            @Nullable CurrentUser user,
            @PathVariable String slug,
            @PathVariable long membershipId,
            @Valid AccountLinkForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CommitteeSpace space = managed(user, slug);
        CommitteeSeat seat = seat(space, membershipId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    composition.link(space, membershipId, form);
                    redirect.addFlashAttribute("notice", "committees.composition.account.linked");
                    return "redirect:" + path(space) + "#czlonek-" + membershipId;
                },
                errors -> memberPage(
                        model, space, seat, new BodyKindForm(seat.bodyKind()), form, linkedEmail(space, seat), errors));
    }

    /** Asks before unlinking the member from their account. */
    @GetMapping(BASE + "/{membershipId}/odlacz")
    String confirmUnlink(
            @Nullable CurrentUser user,
            @PathVariable String slug,
            @PathVariable long membershipId,
            Locale locale,
            Model model) {
        CommitteeSpace space = managed(user, slug);
        CommitteeSeat seat = seat(space, membershipId);
        String memberPath = path(space) + "/" + membershipId;
        Confirmation confirmation = Confirmation.of(
                        memberPath + "/odlacz",
                        memberPath,
                        "committees.composition.unlink.title",
                        "committees.composition.unlink.button")
                .subject(messages.get(locale, "committees.composition.unlink.subject", seat.fullName()))
                .consequence("committees.composition.unlink.invitations")
                .consequence("committees.composition.unlink.again");
        if (seat.accountId() == null) {
            confirmation = confirmation.refused("committees.composition.unlink.none");
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(BASE + "/{membershipId}/odlacz")
    String unlink(
            @Nullable CurrentUser user,
            @PathVariable String slug,
            @PathVariable long membershipId,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        CommitteeSpace space = managed(user, slug);
        seat(space, membershipId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path(space) + "/" + membershipId + "/odlacz";
        }
        composition.unlink(space, membershipId);
        redirect.addFlashAttribute("notice", "committees.composition.account.unlinked");
        return "redirect:" + path(space) + "#czlonek-" + membershipId;
    }

    private String memberPage(
            Model model,
            CommitteeSpace space,
            CommitteeSeat seat,
            BodyKindForm kindForm,
            AccountLinkForm accountForm,
            @Nullable String linked,
            FormErrors errors) {
        model.addAttribute("space", space);
        model.addAttribute("seat", seat);
        model.addAttribute("kindForm", kindForm);
        model.addAttribute("accountForm", accountForm);
        model.addAttribute("linked", linked);
        model.addAttribute("errors", errors);
        return "committees/composition/member";
    }

    /** The address of the member's linked account; empty when the account no longer holds the role. */
    private @Nullable String linkedEmail(CommitteeSpace space, CommitteeSeat seat) {
        Long account = seat.accountId();
        if (account == null) {
            return null;
        }
        return composition.memberAccounts(space.region().id()).getOrDefault(account, "");
    }

    private CommitteeSpace managed(@Nullable CurrentUser user, String slug) {
        return spaces.secretary(user, slug);
    }

    private CommitteeSeat seat(CommitteeSpace space, long membershipId) {
        return composition
                .seat(space, membershipId)
                .orElseThrow(() -> new NotFound("committee membership", membershipId));
    }
}
