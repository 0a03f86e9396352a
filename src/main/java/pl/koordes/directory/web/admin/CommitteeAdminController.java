package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.CommitteeForm;
import pl.koordes.directory.CommitteeMember;
import pl.koordes.directory.Directory;
import pl.koordes.directory.DirectoryEditing;
import pl.koordes.directory.MembershipForm;
import pl.koordes.shared.web.FormErrors;

/**
 * Committees and their memberships: creating and editing a committee, and on its page the members,
 * current and past, with adding, editing and ending a membership.
 */
@Controller
class CommitteeAdminController {

    private static final String BASE = "/admin/katalog/komitety";
    private static final String NEW = BASE + "/nowy";
    private static final List<String> COMMITTEE_FIELDS = List.of("regionId", "name", "termStart", "termEnd");
    private static final List<String> MEMBERSHIP_FIELDS = List.of("fullName", "organisation", "sector", "function",
            "termStart", "termEnd");

    private final AdminDirectory directory;
    private final Directory publicDirectory;
    private final DirectoryEditing editing;
    private final AdminValidation validation;

    CommitteeAdminController(AdminDirectory directory, Directory publicDirectory, DirectoryEditing editing, AdminValidation validation) {
        this.directory = directory;
        this.publicDirectory = publicDirectory;
        this.editing = editing;
        this.validation = validation;
    }

    // The committee

    @GetMapping(NEW)
    String newForm(@RequestParam(required = false) @Nullable String region, Model model) {
        LocalDate start = directory.today();
        CommitteeForm form = new CommitteeForm(InstitutionAdminController.positive(region), null, start,
                start.plusYears(3).minusDays(1));
        return showCommittee(model, null, FormValues.of(form), FormErrors.none());
    }

    @PostMapping(NEW)
    String create(@Valid CommitteeForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            AdminForms.unprocessable(response);
            return showCommittee(model, null, FormValues.of(request), validation.errors(CommitteeForm.class, result, request, COMMITTEE_FIELDS));
        }
        long id;
        try {
            id = editing.createCommittee(form);
        } catch (DirectoryEditing.Refused refused) {
            AdminForms.unprocessable(response);
            return showCommittee(model, null, FormValues.of(request), AdminForms.errors(refused));
        }
        redirect.addFlashAttribute("notice", "directory.admin.committee.created");
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}")
    String committee(@PathVariable long id, Model model) {
        CommitteeRow committee = directory.committee(id).orElseThrow(AdminForms::notFound);
        return showCommittee(model, committee, FormValues.of(AdminDirectory.form(committee)), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}")
    String save(@PathVariable long id, @Valid CommitteeForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        CommitteeRow committee = directory.committee(id).orElseThrow(AdminForms::notFound);
        if (result.hasErrors()) {
            AdminForms.unprocessable(response);
            return showCommittee(model, committee, FormValues.of(request), validation.errors(CommitteeForm.class, result, request, COMMITTEE_FIELDS));
        }
        try {
            editing.editCommittee(id, form);
        } catch (DirectoryEditing.Refused refused) {
            AdminForms.unprocessable(response);
            return showCommittee(model, committee, FormValues.of(request), AdminForms.errors(refused));
        }
        redirect.addFlashAttribute("notice", "directory.admin.committee.saved");
        return "redirect:" + BASE + "/" + id;
    }

    private String showCommittee(Model model, @Nullable CommitteeRow committee, FormValues form, FormErrors errors) {
        LocalDate today = directory.today();
        List<CommitteeMember> members = committee == null ? List.of() : directory.members(committee.id());
        model.addAttribute("committee", committee);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regions", publicDirectory.regions());
        model.addAttribute("current", members.stream().filter(m -> m.termEnd() == null || !m.termEnd().isBefore(today)).toList());
        model.addAttribute("past", members.stream().filter(m -> m.termEnd() != null && m.termEnd().isBefore(today)).toList());
        model.addAttribute("today", today.toString());
        return "directory/admin/committee";
    }

    // Memberships

    @GetMapping(BASE + "/{id}/czlonkowie/nowy")
    String newMember(@PathVariable long id, Model model) {
        CommitteeRow committee = directory.committee(id).orElseThrow(AdminForms::notFound);
        LocalDate today = directory.today();
        LocalDate start = committee.termStart().isAfter(today) ? committee.termStart() : today;
        MembershipForm form = new MembershipForm(null, null, null, null, start, committee.termEnd());
        return showMembership(model, committee, null, FormValues.of(form), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/czlonkowie/nowy")
    String addMember(@PathVariable long id, @Valid MembershipForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        CommitteeRow committee = directory.committee(id).orElseThrow(AdminForms::notFound);
        if (result.hasErrors()) {
            AdminForms.unprocessable(response);
            return showMembership(model, committee, null, FormValues.of(request), validation.errors(MembershipForm.class, result, request, MEMBERSHIP_FIELDS));
        }
        editing.addMembership(id, form);
        redirect.addFlashAttribute("notice", "directory.admin.membership.added");
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}/czlonkowie/{memberId}")
    String member(@PathVariable long id, @PathVariable long memberId, Model model) {
        CommitteeRow committee = directory.committee(id).orElseThrow(AdminForms::notFound);
        CommitteeMember member = directory.member(id, memberId).orElseThrow(AdminForms::notFound);
        return showMembership(model, committee, member, FormValues.of(AdminDirectory.form(member)), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/czlonkowie/{memberId}")
    String saveMember(@PathVariable long id, @PathVariable long memberId, @Valid MembershipForm form,
            BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        CommitteeRow committee = directory.committee(id).orElseThrow(AdminForms::notFound);
        CommitteeMember member = directory.member(id, memberId).orElseThrow(AdminForms::notFound);
        if (result.hasErrors()) {
            AdminForms.unprocessable(response);
            return showMembership(model, committee, member, FormValues.of(request), validation.errors(MembershipForm.class, result, request, MEMBERSHIP_FIELDS));
        }
        editing.editMembership(id, memberId, form);
        redirect.addFlashAttribute("notice", "directory.admin.membership.saved");
        return "redirect:" + BASE + "/" + id;
    }

    /** Ends a membership on the day given (today when the field is left empty); it is the last day of membership. */
    @PostMapping(BASE + "/{id}/czlonkowie/{memberId}/koniec")
    String endMember(@PathVariable long id, @PathVariable long memberId, @RequestParam(required = false) @Nullable String end,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        CommitteeRow committee = directory.committee(id).orElseThrow(AdminForms::notFound);
        directory.member(id, memberId).orElseThrow(AdminForms::notFound);
        String field = "end-" + memberId;
        LocalDate lastDay = null;
        if (end != null) {
            lastDay = AdminForms.parseDate(end);
            if (lastDay == null) {
                return endRefused(model, response, committee, field, end, "directory.admin.date.invalid");
            }
        }
        try {
            editing.endMembership(id, memberId, lastDay);
        } catch (DirectoryEditing.Refused refused) {
            return endRefused(model, response, committee, field, end == null ? "" : end, refused.messageKey());
        }
        redirect.addFlashAttribute("notice", "directory.admin.membership.ended");
        return "redirect:" + BASE + "/" + id;
    }

    private String endRefused(Model model, HttpServletResponse response, CommitteeRow committee, String field,
            String typed, String key) {
        AdminForms.unprocessable(response);
        FormValues form = FormValues.of(AdminDirectory.form(committee)).with(field, typed);
        return showCommittee(model, committee, form, AdminForms.errors(Map.of(field, key), List.of()));
    }

    private String showMembership(Model model, CommitteeRow committee, @Nullable CommitteeMember member, FormValues form,
            FormErrors errors) {
        model.addAttribute("committee", committee);
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/admin/membership";
    }
}
