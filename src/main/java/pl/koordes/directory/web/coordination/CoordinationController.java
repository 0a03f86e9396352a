package pl.koordes.directory.web.coordination;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
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
import pl.koordes.directory.Region;
import pl.koordes.directory.internal.Committee;
import pl.koordes.directory.internal.CommitteeManagement;
import pl.koordes.directory.internal.ContactForm;
import pl.koordes.directory.internal.DirectoryPermissions;
import pl.koordes.directory.internal.DirectoryProfiles;
import pl.koordes.directory.internal.InstitutionManagement;
import pl.koordes.directory.internal.KeptWorkspaces;
import pl.koordes.directory.internal.MemberContactForm;
import pl.koordes.directory.internal.MemberWithContact;
import pl.koordes.directory.internal.MembershipEndForm;
import pl.koordes.directory.internal.MembershipForm;
import pl.koordes.directory.internal.RegionCoordination;
import pl.koordes.directory.internal.RegionDescription;
import pl.koordes.directory.internal.RegionDescriptionForm;
import pl.koordes.directory.internal.RegionManagement;
import pl.koordes.directory.internal.RegionWorkspace;
import pl.koordes.directory.web.MembershipEnding;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;

/**
 * The regional coordinator's workspace: the regions they coordinate, and for each its public profile
 * text, its ROPS contact and its committee's memberships with the members' non-public contacts.
 * Every handler checks {@link DirectoryPermissions} for the region in the address before it reads
 * anything, and every membership is looked up within that region's committee in office, so an id from
 * another region's committee is not found (404) whatever form it is sent to.
 */
@Controller
class CoordinationController {

    /** The header's "Koordynacja" link, for regional coordinators (and administrators, who may act for any region). */
    @Bean
    static HeaderLink coordinationHeaderLink(DirectoryPermissions permissions) {
        return HeaderLink.to(BASE, "directory.coordination.link", 50, permissions::canUseWorkspace);
    }

    static final String BASE = "/koordynacja";

    private final Directory directory;
    private final RegionCoordination coordination;
    private final KeptWorkspaces workspaces;
    private final DirectoryProfiles profiles;
    private final RegionManagement regions;
    private final InstitutionManagement institutions;
    private final CommitteeManagement committees;
    private final DirectoryPermissions permissions;

    CoordinationController(
            Directory directory,
            RegionCoordination coordination,
            KeptWorkspaces workspaces,
            DirectoryProfiles profiles,
            RegionManagement regions,
            InstitutionManagement institutions,
            CommitteeManagement committees,
            DirectoryPermissions permissions) {
        this.directory = directory;
        this.coordination = coordination;
        this.workspaces = workspaces;
        this.profiles = profiles;
        this.regions = regions;
        this.institutions = institutions;
        this.committees = committees;
        this.permissions = permissions;
    }

    @GetMapping(BASE)
    String regions(CurrentUser user, Model model) {
        if (!permissions.canUseWorkspace(user)) {
            throw new AccessDeniedException("coordination");
        }
        List<Region> regions = permissions.coversEveryRegion(user)
                ? directory.regions()
                : coordination.regions(user.regionsOf(Role.REGIONAL_COORDINATOR));
        model.addAttribute("regions", regions);
        return "directory/coordination/regions";
    }

    @GetMapping(BASE + "/{slug}")
    String workspace(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = region(slug, user);
        return showAsSaved(model, region, MembershipEnding.NONE);
    }

    @PostMapping(BASE + "/{slug}/opis")
    String saveDescription(
            @PathVariable String slug,
            CurrentUser user,
            @Valid RegionDescriptionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Region region = region(slug, user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    regions.editRegionDescription(region.id(), form);
                    redirect.addFlashAttribute("notice", "directory.coordination.description.saved");
                    return "redirect:" + BASE + "/" + region.slug();
                },
                errors -> {
                    RegionWorkspace workspace = workspaceOf(region);
                    return show(model, workspace, form, contactForm(workspace), MembershipEnding.NONE, errors);
                });
    }

    @PostMapping(BASE + "/{slug}/kontakt")
    String saveContact(
            @PathVariable String slug,
            CurrentUser user,
            @Valid ContactForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Region region = region(slug, user);
        if (coordination.rops(region.id()).isEmpty()) {
            throw new NotFound("ROPS of region", region.id());
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    institutions.editRopsContact(region.id(), form);
                    redirect.addFlashAttribute("notice", "directory.coordination.contact.saved");
                    return "redirect:" + BASE + "/" + region.slug();
                },
                errors -> {
                    RegionWorkspace workspace = workspaceOf(region);
                    return show(model, workspace, descriptionForm(workspace), form, MembershipEnding.NONE, errors);
                });
    }

    // Memberships of the committee in office

    @GetMapping(BASE + "/{slug}/czlonkowie/nowy")
    String newMember(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = region(slug, user);
        Committee committee = committee(region);
        LocalDate today = workspaces.today();
        LocalDate start = committee.termStart().isAfter(today) ? committee.termStart() : today;
        return showMember(
                model,
                region,
                committee,
                null,
                MembershipForm.starting(start, committee.termEnd()),
                MemberContactForm.NONE,
                FormErrors.none());
    }

    @GetMapping(BASE + "/{slug}/czlonkowie/{memberId}")
    String member(@PathVariable String slug, @PathVariable long memberId, CurrentUser user, Model model) {
        Region region = region(slug, user);
        Committee committee = committee(region);
        MemberWithContact member = member(region, memberId);
        return showMember(
                model,
                region,
                committee,
                member,
                MembershipForm.of(member.member()),
                new MemberContactForm(member.email(), member.phone()),
                FormErrors.none());
    }

    /**
     * Adds a membership ({@code nowy}) or saves the one in the address: both post the same two forms, the
     * membership and the member's contact, and come back with both when either has errors (so they are
     * checked here together, where {@code FormSubmission} checks one form).
     */
    @PostMapping({BASE + "/{slug}/czlonkowie/nowy", BASE + "/{slug}/czlonkowie/{memberId}"})
    String saveMember(
            @PathVariable String slug,
            @PathVariable(required = false) @Nullable Long memberId,
            CurrentUser user,
            @Valid MembershipForm form,
            BindingResult result,
            @Valid MemberContactForm contact,
            BindingResult contactResult,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Region region = region(slug, user);
        Committee committee = committee(region);
        MemberWithContact member = memberId == null ? null : member(region, memberId);
        FormErrors errors = FormErrors.check(form, result).and(FormErrors.check(contact, contactResult));
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showMember(model, region, committee, member, form, contact, errors);
        }
        if (member == null) {
            committees.addMembership(committee.id(), form, contact);
            redirect.addFlashAttribute("notice", "directory.admin.membership.added");
        } else {
            committees.editMembership(committee.id(), member.id(), form, contact);
            redirect.addFlashAttribute("notice", "directory.admin.membership.saved");
        }
        return "redirect:" + BASE + "/" + region.slug();
    }

    /** Asks before ending a membership on the day chosen in the workspace's list. */
    @GetMapping(BASE + "/{slug}/czlonkowie/{memberId}/koniec")
    String confirmEndMember(
            @PathVariable String slug,
            @PathVariable long memberId,
            CurrentUser user,
            @Valid MembershipEndForm form,
            BindingResult result,
            Model model) {
        Region region = region(slug, user);
        committee(region);
        MemberWithContact member = member(region, memberId);
        if (result.hasErrors()) {
            return "redirect:" + BASE + "/" + region.slug();
        }
        String base = BASE + "/" + region.slug();
        model.addAttribute("confirmation", MembershipEnding.question(base, member.member(), form.end(), base));
        return "shared/confirm";
    }

    /** Ends a membership on the day given (today when left empty): the last day the person is a member. */
    @PostMapping(BASE + "/{slug}/czlonkowie/{memberId}/koniec")
    String endMember(
            @PathVariable String slug,
            @PathVariable long memberId,
            CurrentUser user,
            @Valid MembershipEndForm form,
            BindingResult result,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Region region = region(slug, user);
        Committee committee = committee(region);
        MemberWithContact member = member(region, memberId);
        boolean answered = Confirmation.given(confirmed);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    if (!answered) {
                        // A day that would be refused is refused here, beside its field, before any question.
                        committees.checkEnd(committee.id(), member.id(), form.end());
                        return "redirect:"
                                + MembershipEnding.questionPath(BASE + "/" + region.slug(), memberId, form.end());
                    }
                    committees.endMembership(committee.id(), member.id(), form.end());
                    redirect.addFlashAttribute("notice", "directory.admin.membership.ended");
                    return "redirect:" + BASE + "/" + region.slug();
                },
                errors -> {
                    MembershipEnding ending = MembershipEnding.of(member.id(), form, errors);
                    return showAsSaved(model, region, ending);
                });
    }

    // Reading, in the order that keeps other regions' data out of reach

    /**
     * The region in the address, when this person may coordinate it: an unknown address is 404, a known
     * region that is not theirs 403 (which regions exist is public).
     */
    private Region region(String slug, CurrentUser user) {
        Region region = directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
        if (!permissions.canEditRegion(user, region.id())) {
            throw new AccessDeniedException("region " + region.id());
        }
        return region;
    }

    private Committee committee(Region region) {
        return profiles.committeeInOffice(region.id())
                .orElseThrow(() -> new NotFound("committee of region", region.id()));
    }

    private MemberWithContact member(Region region, long memberId) {
        return coordination.member(region.id(), memberId).orElseThrow(() -> new NotFound("membership", memberId));
    }

    /**
     * Everything the workspace shows, in one read (one transaction), kept in memory until something in it changes:
     * the forms are filled from it, not read again (they were two more transactions per page view, for the same rows).
     */
    private RegionWorkspace workspaceOf(Region region) {
        return workspaces.workspace(region).orElseThrow(() -> new NotFound("region", region.id()));
    }

    private static RegionDescriptionForm descriptionForm(RegionWorkspace workspace) {
        RegionDescription description = workspace.description();
        return new RegionDescriptionForm(description.pl(), description.en());
    }

    private static ContactForm contactForm(RegionWorkspace workspace) {
        return workspace.rops().map(ContactForm::of).orElse(new ContactForm(null, null, null, null, null, null));
    }

    /** The workspace with both forms as saved, and the ending of a membership (and its errors) as given. */
    private String showAsSaved(Model model, Region region, MembershipEnding ending) {
        RegionWorkspace workspace = workspaceOf(region);
        return show(model, workspace, descriptionForm(workspace), contactForm(workspace), ending, ending.errors());
    }

    private String show(
            Model model,
            RegionWorkspace workspace,
            RegionDescriptionForm description,
            ContactForm contact,
            MembershipEnding ending,
            FormErrors errors) {
        model.addAttribute("workspace", workspace);
        model.addAttribute("description", description);
        model.addAttribute("contact", contact);
        model.addAttribute("ending", ending);
        model.addAttribute("errors", errors);
        model.addAttribute("today", workspaces.today().toString());
        return "directory/coordination/workspace";
    }

    private String showMember(
            Model model,
            Region region,
            Committee committee,
            @Nullable MemberWithContact member,
            MembershipForm form,
            MemberContactForm contact,
            FormErrors errors) {
        model.addAttribute("region", region);
        model.addAttribute("committee", committee);
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("contact", contact);
        model.addAttribute("errors", errors);
        return "directory/coordination/member";
    }
}
