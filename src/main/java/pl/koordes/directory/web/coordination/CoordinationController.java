package pl.koordes.directory.web.coordination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Committee;
import pl.koordes.directory.ContactForm;
import pl.koordes.directory.Directory;
import pl.koordes.directory.DirectoryEditing;
import pl.koordes.directory.DirectoryPermissions;
import pl.koordes.directory.MemberContactForm;
import pl.koordes.directory.MemberWithContact;
import pl.koordes.directory.MembershipForm;
import pl.koordes.directory.Region;
import pl.koordes.directory.RegionCoordination;
import pl.koordes.directory.RegionDescription;
import pl.koordes.directory.RegionDescriptionForm;
import pl.koordes.directory.RegionWorkspace;
import pl.koordes.directory.web.admin.AdminForms;
import pl.koordes.directory.web.admin.AdminValidation;
import pl.koordes.directory.web.admin.FormValues;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.FormErrors;
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
    private static final List<String> DESCRIPTION_FIELDS = List.of("descriptionPl", "descriptionEn");
    private static final List<String> CONTACT_FIELDS = List.of("street", "postalCode", "city", "email", "phone", "website");
    private static final List<String> MEMBERSHIP_FIELDS = List.of("fullName", "organisation", "sector", "function",
            "termStart", "termEnd");
    private static final List<String> MEMBER_CONTACT_FIELDS = List.of("email", "phone");

    /** No values typed: the end-of-membership fields then show today. */
    private static final FormValues NO_VALUES = FormValues.of(new RegionDescriptionForm(null, null));

    private final Directory directory;
    private final RegionCoordination coordination;
    private final DirectoryEditing editing;
    private final DirectoryPermissions permissions;
    private final AdminValidation validation;

    CoordinationController(Directory directory, RegionCoordination coordination, DirectoryEditing editing,
            DirectoryPermissions permissions, AdminValidation validation) {
        this.directory = directory;
        this.coordination = coordination;
        this.editing = editing;
        this.permissions = permissions;
        this.validation = validation;
    }

    /** Surrounding spaces are dropped and an empty field is no value, so optional fields stay empty. */
    @InitBinder
    void trimText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    /** A record gone between showing a form and sending it. */
    @ExceptionHandler(DirectoryEditing.NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @GetMapping(BASE)
    String regions(CurrentUser user, Model model) {
        if (!permissions.canUseWorkspace(user)) {
            throw new AccessDeniedException("coordination");
        }
        List<Region> regions = permissions.coversEveryRegion(user) ? directory.regions()
                : coordination.regions(user.regionsOf(Role.REGIONAL_COORDINATOR));
        model.addAttribute("regions", regions);
        return "directory/coordination/regions";
    }

    @GetMapping(BASE + "/{slug}")
    String workspace(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = region(slug, user);
        return show(model, region, FormValues.of(descriptionForm(region)), FormValues.of(contactForm(region)), NO_VALUES,
                FormErrors.none());
    }

    @PostMapping(BASE + "/{slug}/opis")
    String saveDescription(@PathVariable String slug, CurrentUser user, @Valid RegionDescriptionForm form,
            BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Region region = region(slug, user);
        if (result.hasErrors()) {
            AdminForms.unprocessable(response);
            return show(model, region, FormValues.of(request), FormValues.of(contactForm(region)), NO_VALUES,
                    validation.errors(RegionDescriptionForm.class, result, request, DESCRIPTION_FIELDS));
        }
        editing.editRegionDescription(region.id(), form);
        redirect.addFlashAttribute("notice", "directory.coordination.description.saved");
        return "redirect:" + BASE + "/" + region.slug();
    }

    @PostMapping(BASE + "/{slug}/kontakt")
    String saveContact(@PathVariable String slug, CurrentUser user, @Valid ContactForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Region region = region(slug, user);
        if (coordination.rops(region.id()).isEmpty()) {
            throw AdminForms.notFound();
        }
        if (result.hasErrors()) {
            AdminForms.unprocessable(response);
            return show(model, region, FormValues.of(descriptionForm(region)), FormValues.of(request), NO_VALUES,
                    validation.errors(ContactForm.class, result, request, CONTACT_FIELDS));
        }
        editing.editRopsContact(region.id(), form);
        redirect.addFlashAttribute("notice", "directory.coordination.contact.saved");
        return "redirect:" + BASE + "/" + region.slug();
    }

    // Memberships of the committee in office

    @GetMapping(BASE + "/{slug}/czlonkowie/nowy")
    String newMember(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = region(slug, user);
        Committee committee = committee(region);
        LocalDate today = editing.today();
        LocalDate start = committee.termStart().isAfter(today) ? committee.termStart() : today;
        return showMember(model, region, committee, null,
                FormValues.of(new MembershipForm(null, null, null, null, start, committee.termEnd())), FormErrors.none());
    }

    @PostMapping(BASE + "/{slug}/czlonkowie/nowy")
    String addMember(@PathVariable String slug, CurrentUser user, @Valid MembershipForm form, BindingResult result,
            @Valid MemberContactForm contact, BindingResult contactResult, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Region region = region(slug, user);
        Committee committee = committee(region);
        if (result.hasErrors() || contactResult.hasErrors()) {
            AdminForms.unprocessable(response);
            return showMember(model, region, committee, null, FormValues.of(request), errors(result, contactResult, request));
        }
        editing.addMembership(committee.id(), form, contact);
        redirect.addFlashAttribute("notice", "directory.admin.membership.added");
        return "redirect:" + BASE + "/" + region.slug();
    }

    @GetMapping(BASE + "/{slug}/czlonkowie/{memberId}")
    String member(@PathVariable String slug, @PathVariable long memberId, CurrentUser user, Model model) {
        Region region = region(slug, user);
        Committee committee = committee(region);
        MemberWithContact member = member(region, memberId);
        return showMember(model, region, committee, member, memberValues(member), FormErrors.none());
    }

    @PostMapping(BASE + "/{slug}/czlonkowie/{memberId}")
    String saveMember(@PathVariable String slug, @PathVariable long memberId, CurrentUser user,
            @Valid MembershipForm form, BindingResult result, @Valid MemberContactForm contact, BindingResult contactResult,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Region region = region(slug, user);
        Committee committee = committee(region);
        MemberWithContact member = member(region, memberId);
        if (result.hasErrors() || contactResult.hasErrors()) {
            AdminForms.unprocessable(response);
            return showMember(model, region, committee, member, FormValues.of(request), errors(result, contactResult, request));
        }
        editing.editMembership(committee.id(), member.id(), form, contact);
        redirect.addFlashAttribute("notice", "directory.admin.membership.saved");
        return "redirect:" + BASE + "/" + region.slug();
    }

    /** Ends a membership on the day given (today when left empty): the last day the person is a member. */
    @PostMapping(BASE + "/{slug}/czlonkowie/{memberId}/koniec")
    String endMember(@PathVariable String slug, @PathVariable long memberId, CurrentUser user,
            @RequestParam(required = false) @Nullable String end, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Region region = region(slug, user);
        Committee committee = committee(region);
        MemberWithContact member = member(region, memberId);
        String field = "end-" + member.id();
        LocalDate lastDay = null;
        if (end != null) {
            lastDay = AdminForms.parseDate(end);
            if (lastDay == null) {
                return endRefused(model, response, region, field, end, "directory.admin.date.invalid");
            }
        }
        try {
            editing.endMembership(committee.id(), member.id(), lastDay);
        } catch (DirectoryEditing.Refused refused) {
            return endRefused(model, response, region, field, end == null ? "" : end, refused.messageKey());
        }
        redirect.addFlashAttribute("notice", "directory.admin.membership.ended");
        return "redirect:" + BASE + "/" + region.slug();
    }

    // Reading, in the order that keeps other regions' data out of reach

    /**
     * The region in the address, when this person may coordinate it: an unknown address is 404, a known
     * region that is not theirs 403 (which regions exist is public).
     */
    private Region region(String slug, CurrentUser user) {
        Region region = directory.region(slug).orElseThrow(AdminForms::notFound);
        if (!permissions.canEditRegion(user, region.id())) {
            throw new AccessDeniedException("region " + region.id());
        }
        return region;
    }

    private Committee committee(Region region) {
        return coordination.committeeInOffice(region.id()).orElseThrow(AdminForms::notFound);
    }

    private MemberWithContact member(Region region, long memberId) {
        return coordination.member(region.id(), memberId).orElseThrow(AdminForms::notFound);
    }

    private RegionDescriptionForm descriptionForm(Region region) {
        RegionDescription description = coordination.description(region.id());
        return new RegionDescriptionForm(description.pl(), description.en());
    }

    private ContactForm contactForm(Region region) {
        return coordination.rops(region.id()).map(ContactForm::of).orElse(new ContactForm(null, null, null, null, null, null));
    }

    private static FormValues memberValues(MemberWithContact member) {
        var m = member.member();
        return FormValues.of(new MembershipForm(m.fullName(), m.organisation(), m.sector(), m.function(), m.termStart(),
                m.termEnd())).with("email", member.email()).with("phone", member.phone());
    }

    private FormErrors errors(BindingResult membership, BindingResult contact, HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.putAll(validation.errors(MembershipForm.class, membership, request, MEMBERSHIP_FIELDS).fields());
        fields.putAll(validation.errors(MemberContactForm.class, contact, request, MEMBER_CONTACT_FIELDS).fields());
        return AdminForms.errors(fields, List.of());
    }

    private String show(Model model, Region region, FormValues description, FormValues contact, FormValues ends,
            FormErrors errors) {
        RegionWorkspace workspace = coordination.workspace(region).orElseThrow(AdminForms::notFound);
        model.addAttribute("workspace", workspace);
        model.addAttribute("description", description);
        model.addAttribute("contact", contact);
        model.addAttribute("ends", ends);
        model.addAttribute("errors", errors);
        model.addAttribute("today", editing.today().toString());
        return "directory/coordination/workspace";
    }

    private String endRefused(Model model, HttpServletResponse response, Region region, String field, String typed,
            String key) {
        AdminForms.unprocessable(response);
        return show(model, region, FormValues.of(descriptionForm(region)), FormValues.of(contactForm(region)),
                NO_VALUES.with(field, typed), AdminForms.errors(Map.of(field, key), List.of()));
    }

    private String showMember(Model model, Region region, Committee committee, @Nullable MemberWithContact member,
            FormValues form, FormErrors errors) {
        model.addAttribute("region", region);
        model.addAttribute("committee", committee);
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/coordination/member";
    }
}
