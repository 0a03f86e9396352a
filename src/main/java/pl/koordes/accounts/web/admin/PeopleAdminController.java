package pl.koordes.accounts.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import pl.koordes.accounts.AccountStatus;
import pl.koordes.accounts.AuditTrail;
import pl.koordes.accounts.GrantRoleForm;
import pl.koordes.accounts.InvitePersonForm;
import pl.koordes.accounts.PeopleManagement;
import pl.koordes.accounts.PeopleManagement.PeopleFilter;
import pl.koordes.accounts.PeopleManagement.PersonDetail;
import pl.koordes.accounts.internal.AccountPermissions;
import pl.koordes.accounts.internal.AccountUserDetails;
import pl.koordes.directory.Directory;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.Paged;

/**
 * People in the administration panel: the list with search and filters, inviting a person, and a
 * person's page where their roles and status change. Every change answers with a redirect and a notice.
 */
@Controller
@RequestMapping("/admin/osoby")
class PeopleAdminController {

    /** The invitation's role rows report their errors on the group of rows, where the summary links. */
    private static final Map<String, String> ROLE_ROWS = Map.of("role", "roles", "region", "roles");

    /** How many role rows the invitation form offers. */
    static final int INVITE_ROWS = 3;
    /** How many recent audit entries a person's page shows. */
    static final int RECENT_CHANGES = 10;

    private final PeopleManagement people;
    private final AuditTrail auditTrail;
    private final Directory directory;
    private final Messages messages;
    private final AccountPermissions permissions;

    PeopleAdminController(
            PeopleManagement people,
            AuditTrail auditTrail,
            Directory directory,
            Messages messages,
            AccountPermissions permissions) {
        this.people = people;
        this.auditTrail = auditTrail;
        this.directory = directory;
        this.messages = messages;
        this.permissions = permissions;
    }

    /** Runs before every handler here: the URL rule for /admin/** is the second line, this the first. */
    @ModelAttribute
    void requirePermission(CurrentUser user) {
        if (!permissions.canAdministerPeople(user)) {
            throw new AccessDeniedException("people");
        }
    }

    @GetMapping
    String list(
            @RequestParam(name = "szukaj", defaultValue = "") String search,
            @RequestParam(name = "rola", defaultValue = "") String role,
            @RequestParam(name = "region", defaultValue = "") String region,
            @RequestParam(name = "status", defaultValue = "") String status,
            @RequestParam(name = "strona", required = false) @Nullable String page,
            Model model) {
        PeopleFilter filter = new PeopleFilter(
                search,
                parse(Role.class, role),
                region.isBlank() ? null : region.strip(),
                parse(AccountStatus.class, status));
        var found = people.findPeople(filter, Paged.number(page));
        model.addAttribute(
                "view", new PeopleListView(search, role, region, status, found, RegionNames.of(directory.regions())));
        return "accounts/admin/people";
    }

    @GetMapping("/zapros")
    String inviteForm(Model model) {
        return inviteForm(model, InvitePersonForm.empty(), FormErrors.none());
    }

    @PostMapping("/zapros")
    String invite(
            @Valid InvitePersonForm form,
            BindingResult result,
            @AuthenticationPrincipal AccountUserDetails details,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!permissions.canInvite(details.user())) {
            throw new AccessDeniedException("invite");
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = people.invitePerson(form, details.user());
                    redirect.addFlashAttribute("notice", "admin.invite.sent");
                    redirect.addFlashAttribute("noticeArgument", form.email());
                    return "redirect:/admin/osoby/" + id;
                },
                errors -> inviteForm(model, form, errors.shownAs(ROLE_ROWS)));
    }

    @GetMapping("/{id}")
    String person(
            @PathVariable long id, @AuthenticationPrincipal AccountUserDetails details, Locale locale, Model model) {
        return personPage(model, details, locale, person(id), GrantRoleForm.empty(), FormErrors.none());
    }

    @PostMapping("/{id}/role")
    String grantRole(
            @PathVariable long id,
            @Valid GrantRoleForm form,
            BindingResult result,
            @AuthenticationPrincipal AccountUserDetails details,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PersonDetail person = person(id);
        requireGrant(details, form);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    people.grantRole(id, form, details.user());
                    redirect.addFlashAttribute("notice", "admin.role.granted");
                    return "redirect:/admin/osoby/" + id;
                },
                errors -> personPage(model, details, locale, person, form, errors));
    }

    /** Asks before taking a role away: the person loses what it allowed, and their sessions end. */
    @GetMapping("/{id}/role/odbierz")
    String confirmRevokeRole(
            @PathVariable long id,
            @Valid GrantRoleForm form,
            BindingResult result,
            @AuthenticationPrincipal AccountUserDetails details,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        PersonDetail person = person(id);
        requireGrant(details, form);
        Role role = result.hasErrors() ? null : parse(Role.class, form.role() == null ? "" : form.role());
        if (role == null) {
            redirect.addFlashAttribute("problem", "admin.role.invalid");
            return "redirect:/admin/osoby/" + id;
        }
        String region = form.region() == null || form.region().isBlank()
                ? ""
                : directory
                        .region(form.region())
                        .map(r -> " (" + r.name(locale) + ")")
                        .orElse("");
        Confirmation confirmation = Confirmation.of(
                        "/admin/osoby/" + id + "/role/odbierz",
                        "/admin/osoby/" + id,
                        "admin.confirm.revoke.title",
                        "admin.confirm.revoke.button")
                .subject(person.displayName() + " (" + person.email() + ")")
                .field("role", role.name())
                .field("region", form.region() == null ? "" : form.region())
                .consequence("admin.confirm.revoke.role", messages.get(locale, "role." + role.name()) + region)
                .consequence("admin.confirm.revoke.sessions");
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping("/{id}/role/odbierz")
    String revokeRole(
            @PathVariable long id,
            @Valid GrantRoleForm form,
            BindingResult result,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            @AuthenticationPrincipal AccountUserDetails details,
            RedirectAttributes redirect) {
        person(id);
        requireGrant(details, form);
        // A role that cannot be read is refused at once; a confirmation page would have nothing to name.
        if (result.hasErrors() || parse(Role.class, form.role() == null ? "" : form.role()) == null) {
            redirect.addFlashAttribute("problem", "admin.role.invalid");
            return "redirect:/admin/osoby/" + id;
        }
        if (!Confirmation.given(confirmed)) {
            return "redirect:"
                    + UriComponentsBuilder.fromPath("/admin/osoby/" + id + "/role/odbierz")
                            .queryParam("role", form.role())
                            .queryParam("region", form.region() == null ? "" : form.region())
                            .encode()
                            .toUriString();
        }
        return change(id, redirect, "admin.role.revoked", () -> people.revokeRole(id, form, details.user()));
    }

    /** Asks before deactivating an account: the person is signed out everywhere and cannot sign in. */
    @GetMapping("/{id}/dezaktywuj")
    String confirmDeactivate(@PathVariable long id, @AuthenticationPrincipal AccountUserDetails details, Model model) {
        PersonDetail person = person(id);
        if (!permissions.canChangeStatus(details.user())) {
            throw new AccessDeniedException("status");
        }
        Confirmation confirmation = Confirmation.of(
                        "/admin/osoby/" + id + "/dezaktywuj",
                        "/admin/osoby/" + id,
                        "admin.confirm.deactivate.title",
                        "admin.person.deactivate")
                .subject(person.displayName() + " (" + person.email() + ")");
        if (person.id() == details.user().id()) {
            confirmation = confirmation.refused("admin.person.deactivateSelf");
        } else if (person.status() != AccountStatus.ACTIVE) {
            confirmation = confirmation.refused("admin.confirm.deactivate.notActive");
        } else {
            confirmation = confirmation
                    .consequence("admin.person.deactivate.hint")
                    .consequence(
                            "admin.confirm.deactivate.roles", person.roles().size());
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping("/{id}/dezaktywuj")
    String deactivate(
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            @AuthenticationPrincipal AccountUserDetails details,
            RedirectAttributes redirect) {
        person(id);
        if (!permissions.canChangeStatus(details.user())) {
            throw new AccessDeniedException("status");
        }
        if (!Confirmation.given(confirmed)) {
            return "redirect:/admin/osoby/" + id + "/dezaktywuj";
        }
        return change(id, redirect, "admin.person.deactivated", () -> people.deactivatePerson(id, details.user()));
    }

    @PostMapping("/{id}/aktywuj")
    String reactivate(
            @PathVariable long id, @AuthenticationPrincipal AccountUserDetails details, RedirectAttributes redirect) {
        person(id);
        if (!permissions.canChangeStatus(details.user())) {
            throw new AccessDeniedException("status");
        }
        return change(id, redirect, "admin.person.reactivated", () -> people.reactivatePerson(id, details.user()));
    }

    @PostMapping("/{id}/zaproszenie")
    String resendInvitation(
            @PathVariable long id, @AuthenticationPrincipal AccountUserDetails details, RedirectAttributes redirect) {
        PersonDetail person = person(id);
        redirect.addFlashAttribute("noticeArgument", person.email());
        return change(id, redirect, "admin.invite.resent", () -> people.resendInvitation(id, details.user()));
    }

    /** The role and region as far as they can be read; unreadable ones are the form's refusal, not this check's. */
    private void requireGrant(AccountUserDetails details, GrantRoleForm form) {
        Role role = parse(Role.class, form.role() == null ? "" : form.role());
        Long region = form.region() == null || form.region().isBlank()
                ? null
                : directory.region(form.region()).map(r -> r.id()).orElse(null);
        if (role != null && !permissions.canGrant(details.user(), role, region)) {
            throw new AccessDeniedException("grant " + role);
        }
    }

    private static String change(long id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/admin/osoby/" + id;
    }

    private PersonDetail person(long id) {
        return people.findPerson(id)
                .filter(p -> p.status() != AccountStatus.DELETED)
                .orElseThrow(() -> new NotFound("account", ""));
    }

    private String inviteForm(Model model, InvitePersonForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("rows", Math.clamp(form.rows(), INVITE_ROWS, InvitePersonForm.MAX_ROWS));
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("regions", RegionNames.of(directory.regions(), directory.centralInstitutions()));
        model.addAttribute("errors", errors);
        return "accounts/admin/invite";
    }

    private String personPage(
            Model model,
            AccountUserDetails details,
            Locale locale,
            PersonDetail person,
            GrantRoleForm form,
            FormErrors errors) {
        model.addAttribute("person", person);
        model.addAttribute("self", person.id() == details.user().id());
        model.addAttribute("labels", new ActionLabels(messages, locale));
        model.addAttribute("form", form);
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("regions", RegionNames.of(directory.regions(), directory.centralInstitutions()));
        model.addAttribute("errors", errors);
        model.addAttribute(
                "changes",
                auditTrail.latest(new AuditTrail.AuditFilter(null, null, null, null, person.id()), RECENT_CHANGES));
        return "accounts/admin/person";
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        return null;
    }
}
