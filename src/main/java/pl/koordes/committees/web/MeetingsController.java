package pl.koordes.committees.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
import pl.koordes.committees.MeetingStatus;
import pl.koordes.committees.internal.AttendanceManagement;
import pl.koordes.committees.internal.CancelForm;
import pl.koordes.committees.internal.CommitteePaths;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.Meeting;
import pl.koordes.committees.internal.MeetingCalendar;
import pl.koordes.committees.internal.MeetingForm;
import pl.koordes.committees.internal.MeetingManagement;
import pl.koordes.directory.Directory;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * Meetings: the page (insiders; drafts for the secretary only), and the secretary's forms: a new meeting, its
 * changes (a stale save is a conflict that keeps the text), convening it, cancelling it with a reason (asked
 * first on a page of its own).
 */
@Controller
class MeetingsController {

    static final String MEETINGS = CommitteePaths.ROOT + "/{slug}/posiedzenia";
    static final String MEETING = MEETINGS + "/{id}";

    private final SpaceAccess access;
    private final MeetingManagement meetings;
    private final MeetingPage page;
    private final Directory directory;

    MeetingsController(SpaceAccess access, MeetingManagement meetings, MeetingPage page, Directory directory) {
        this.access = access;
        this.meetings = meetings;
        this.page = page;
        this.directory = directory;
    }

    @GetMapping(MEETING)
    String meeting(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            HttpServletRequest request,
            Model model) {
        CommitteeSpace space = access.insider(user, slug);
        Meeting meeting = access.meeting(user, space, id);
        return page.show(model, user, space, meeting, request, Optional.empty(), FormErrors.none());
    }

    @GetMapping(MEETINGS + "/nowe")
    String newMeeting(CurrentUser user, @PathVariable String slug, Model model) {
        CommitteeSpace space = access.secretary(user, slug);
        return form(model, space, null, MeetingForm.empty(meetings.today()), FormErrors.none());
    }

    @PostMapping(MEETINGS + "/nowe")
    String create(
            CurrentUser user,
            @PathVariable String slug,
            @Valid MeetingForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommitteeSpace space = access.secretary(user, slug);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = meetings.create(user, space, form);
                    redirect.addFlashAttribute("notice", "committees.meetings.created");
                    return "redirect:" + CommitteePaths.meeting(space, id);
                },
                errors -> form(model, space, null, form, errors));
    }

    @GetMapping(MEETING + "/edycja")
    String edit(CurrentUser user, @PathVariable String slug, @PathVariable long id, Model model) {
        CommitteeSpace space = access.secretary(user, slug);
        Meeting meeting = access.meeting(user, space, id);
        return form(model, space, meeting, MeetingForm.of(meeting), FormErrors.none());
    }

    @PostMapping(MEETING + "/edycja")
    String update(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @Valid MeetingForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommitteeSpace space = access.secretary(user, slug);
        Meeting meeting = access.meeting(user, space, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    meetings.update(user, space, id, form);
                    redirect.addFlashAttribute("notice", "committees.meetings.saved");
                    return "redirect:" + CommitteePaths.meeting(space, id);
                },
                errors -> form(model, space, meeting, form, errors));
    }

    @PostMapping(MEETING + "/zwolaj")
    String convene(CurrentUser user, @PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
        CommitteeSpace space = access.secretary(user, slug);
        access.meeting(user, space, id);
        try {
            meetings.convene(user, space, id);
            redirect.addFlashAttribute("notice", "committees.meetings.convened");
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.reasons().getFirst().messageKey());
        }
        return "redirect:" + CommitteePaths.meeting(space, id);
    }

    @GetMapping(MEETING + "/odwolaj")
    String confirmCancel(CurrentUser user, @PathVariable String slug, @PathVariable long id, Model model) {
        CommitteeSpace space = access.secretary(user, slug);
        Meeting meeting = access.meeting(user, space, id);
        return cancelPage(model, space, meeting, new CancelForm(""), FormErrors.none());
    }

    @PostMapping(MEETING + "/odwolaj")
    String cancel(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @Valid CancelForm form,
            BindingResult result,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommitteeSpace space = access.secretary(user, slug);
        Meeting meeting = access.meeting(user, space, id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + CommitteePaths.meeting(space, id) + "/odwolaj";
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    meetings.cancel(user, space, id, form);
                    redirect.addFlashAttribute("notice", "committees.meetings.cancelled");
                    return "redirect:" + CommitteePaths.meeting(space, id);
                },
                errors -> cancelPage(model, space, meeting, form, errors));
    }

    private String cancelPage(Model model, CommitteeSpace space, Meeting meeting, CancelForm form, FormErrors errors) {
        model.addAttribute("space", space);
        model.addAttribute("meeting", meeting);
        model.addAttribute("when", MeetingCalendar.when(meeting));
        model.addAttribute("path", CommitteePaths.meeting(space, meeting.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("cancellable", MeetingManagement.cancellable(meeting));
        model.addAttribute("convened", meeting.status() == MeetingStatus.CONVENED);
        model.addAttribute(
                "members",
                AttendanceManagement.sitting(
                                meeting, directory.seats(space.committee().id()))
                        .size());
        return "committees/meetings/cancel";
    }

    private String form(
            Model model, CommitteeSpace space, @Nullable Meeting meeting, MeetingForm form, FormErrors errors) {
        model.addAttribute("space", space);
        model.addAttribute("meeting", meeting);
        model.addAttribute("base", CommitteePaths.space(space));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "committees/meetings/form";
    }
}
