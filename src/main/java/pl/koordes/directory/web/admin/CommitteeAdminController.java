package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.directory.internal.CommitteeForm;
import pl.koordes.directory.internal.CommitteeManagement;
import pl.koordes.directory.internal.CommitteeMember;
import pl.koordes.directory.internal.MemberContactForm;
import pl.koordes.directory.internal.MembershipEndForm;
import pl.koordes.directory.internal.MembershipForm;
import pl.koordes.directory.web.MembershipEnding;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * Committees and their memberships: creating and editing a committee, and on its page the members,
 * current and past, with adding, editing and ending a membership.
 */
@Controller
class CommitteeAdminController {

    private static final String BASE = "/admin/katalog/komitety";
    private static final String NEW = BASE + "/nowy";

    private final AdminDirectory directory;
    private final Directory publicDirectory;
    private final CommitteeManagement committees;

    CommitteeAdminController(AdminDirectory directory, Directory publicDirectory, CommitteeManagement committees) {
        this.directory = directory;
        this.publicDirectory = publicDirectory;
        this.committees = committees;
    }

    // The committee

    @GetMapping(NEW)
    String newForm(@RequestParam(required = false) @Nullable String region, Model model) {
        LocalDate start = directory.today();
        CommitteeForm form = new CommitteeForm(
                InstitutionAdminController.positive(region),
                null,
                start,
                start.plusYears(3).minusDays(1));
        return showCommittee(model, null, form, FormErrors.none(), MembershipEnding.NONE);
    }

    @PostMapping(NEW)
    String create(
            @Valid CommitteeForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = committees.createCommittee(form);
                    redirect.addFlashAttribute("notice", "directory.admin.committee.created");
                    return "redirect:" + BASE + "/" + id;
                },
                errors -> showCommittee(model, null, form, errors, MembershipEnding.NONE));
    }

    @GetMapping(BASE + "/{id}")
    String committee(@PathVariable long id, Model model) {
        CommitteeRow committee = committee(id);
        return showCommittee(
                model, committee, AdminDirectory.form(committee), FormErrors.none(), MembershipEnding.NONE);
    }

    @PostMapping(BASE + "/{id}")
    String save(
            @PathVariable long id,
            @Valid CommitteeForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CommitteeRow committee = committee(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    committees.editCommittee(id, form);
                    redirect.addFlashAttribute("notice", "directory.admin.committee.saved");
                    return "redirect:" + BASE + "/" + id;
                },
                errors -> showCommittee(model, committee, form, errors, MembershipEnding.NONE));
    }

    private String showCommittee(
            Model model,
            @Nullable CommitteeRow committee,
            CommitteeForm form,
            FormErrors errors,
            MembershipEnding ending) {
        LocalDate today = directory.today();
        List<CommitteeMember> members = committee == null ? List.of() : directory.members(committee.id());
        model.addAttribute("committee", committee);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("ending", ending);
        model.addAttribute("regions", publicDirectory.regions());
        model.addAttribute(
                "current",
                members.stream()
                        .filter(m -> m.termEnd() == null || !m.termEnd().isBefore(today))
                        .toList());
        model.addAttribute(
                "past",
                members.stream()
                        .filter(m -> m.termEnd() != null && m.termEnd().isBefore(today))
                        .toList());
        model.addAttribute("today", today.toString());
        return "directory/admin/committee";
    }

    // Memberships

    @GetMapping(BASE + "/{id}/czlonkowie/nowy")
    String newMember(@PathVariable long id, Model model) {
        CommitteeRow committee = committee(id);
        LocalDate today = directory.today();
        LocalDate start = committee.termStart().isAfter(today) ? committee.termStart() : today;
        return showMembership(
                model, committee, null, MembershipForm.starting(start, committee.termEnd()), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/czlonkowie/nowy")
    String addMember(
            @PathVariable long id,
            @Valid MembershipForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CommitteeRow committee = committee(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    committees.addMembership(id, form, MemberContactForm.NONE);
                    redirect.addFlashAttribute("notice", "directory.admin.membership.added");
                    return "redirect:" + BASE + "/" + id;
                },
                errors -> showMembership(model, committee, null, form, errors));
    }

    @GetMapping(BASE + "/{id}/czlonkowie/{memberId}")
    String member(@PathVariable long id, @PathVariable long memberId, Model model) {
        CommitteeRow committee = committee(id);
        CommitteeMember member = member(id, memberId);
        return showMembership(model, committee, member, MembershipForm.of(member), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/czlonkowie/{memberId}")
    String saveMember(
            @PathVariable long id,
            @PathVariable long memberId,
            @Valid MembershipForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CommitteeRow committee = committee(id);
        CommitteeMember member = member(id, memberId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    committees.editMembership(id, memberId, form);
                    redirect.addFlashAttribute("notice", "directory.admin.membership.saved");
                    return "redirect:" + BASE + "/" + id;
                },
                errors -> showMembership(model, committee, member, form, errors));
    }

    /** Asks before ending a membership on the day chosen in the committee's list. */
    @GetMapping(BASE + "/{id}/czlonkowie/{memberId}/koniec")
    String confirmEndMember(
            @PathVariable long id,
            @PathVariable long memberId,
            @Valid MembershipEndForm form,
            BindingResult result,
            Model model) {
        committee(id);
        CommitteeMember member = member(id, memberId);
        if (result.hasErrors()) {
            return "redirect:" + BASE + "/" + id;
        }
        model.addAttribute(
                "confirmation", MembershipEnding.question(BASE + "/" + id, member, form.end(), BASE + "/" + id));
        return "shared/confirm";
    }

    /** Ends a membership on the day given (today when the field is left empty); it is the last day of membership. */
    @PostMapping(BASE + "/{id}/czlonkowie/{memberId}/koniec")
    String endMember(
            @PathVariable long id,
            @PathVariable long memberId,
            @Valid MembershipEndForm form,
            BindingResult result,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CommitteeRow committee = committee(id);
        member(id, memberId);
        boolean answered = Confirmation.given(confirmed);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    if (!answered) {
                        // A day that would be refused is refused here, beside its field, before any question.
                        committees.checkEnd(id, memberId, form.end());
                        return "redirect:" + MembershipEnding.questionPath(BASE + "/" + id, memberId, form.end());
                    }
                    committees.endMembership(id, memberId, form.end());
                    redirect.addFlashAttribute("notice", "directory.admin.membership.ended");
                    return "redirect:" + BASE + "/" + id;
                },
                errors -> {
                    MembershipEnding ending = MembershipEnding.of(memberId, form, errors);
                    return showCommittee(model, committee, AdminDirectory.form(committee), ending.errors(), ending);
                });
    }

    private CommitteeRow committee(long id) {
        return directory.committee(id).orElseThrow(() -> new NotFound("committee", id));
    }

    private CommitteeMember member(long committeeId, long memberId) {
        return directory.member(committeeId, memberId).orElseThrow(() -> new NotFound("membership", memberId));
    }

    private String showMembership(
            Model model,
            CommitteeRow committee,
            @Nullable CommitteeMember member,
            MembershipForm form,
            FormErrors errors) {
        model.addAttribute("committee", committee);
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/admin/membership";
    }
}
