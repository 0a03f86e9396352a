package pl.koordes.committees.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.committees.MeetingAnswer;
import pl.koordes.committees.Presence;
import pl.koordes.committees.internal.AnswerForm;
import pl.koordes.committees.internal.AttendanceForm;
import pl.koordes.committees.internal.AttendanceManagement;
import pl.koordes.committees.internal.CommitteePaths;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.Meeting;
import pl.koordes.committees.internal.MeetingCalendar;
import pl.koordes.committees.internal.MeetingQueries;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.directory.Directory;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * A member's answer to the invitation (on the meeting's page), and the attendance the secretary records from
 * the meeting's start, pre-filled from the answers (an excuse given in advance is an excused absence).
 */
@Controller
class AttendanceController {

    private final SpaceAccess access;
    private final AttendanceManagement attendance;
    private final MeetingQueries queries;
    private final MeetingPage page;
    private final Directory directory;

    AttendanceController(
            SpaceAccess access,
            AttendanceManagement attendance,
            MeetingQueries queries,
            MeetingPage page,
            Directory directory) {
        this.access = access;
        this.attendance = attendance;
        this.queries = queries;
        this.page = page;
        this.directory = directory;
    }

    @PostMapping(MeetingsController.MEETING + "/odpowiedz")
    String answer(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @Valid AnswerForm form,
            BindingResult result,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommitteeSpace space = access.insider(user, slug);
        Meeting meeting = access.meeting(user, space, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    attendance.answer(user, space, id, form);
                    redirect.addFlashAttribute("notice", "committees.meetings.answered");
                    return "redirect:" + CommitteePaths.meeting(space, id) + "#odpowiedz";
                },
                errors -> page.show(model, user, space, meeting, request, Optional.of(form), errors));
    }

    @GetMapping(MeetingsController.MEETING + "/obecnosc")
    String attendanceForm(CurrentUser user, @PathVariable String slug, @PathVariable long id, Model model) {
        CommitteeSpace space = access.secretary(user, slug);
        Meeting meeting = access.meeting(user, space, id);
        List<CommitteeSeat> sitting = AttendanceManagement.sitting(
                meeting, directory.seats(space.committee().id()));
        Map<Long, Presence> recorded = queries.attendance(id);
        Map<Long, MeetingQueries.Answer> answers = queries.answers(id);
        List<AttendanceForm.Row> rows = new ArrayList<>();
        for (CommitteeSeat seat : sitting) {
            Presence presence = recorded.get(seat.id());
            if (presence == null) {
                MeetingQueries.Answer answer = answers.get(seat.id());
                presence = answer != null && answer.answer() == MeetingAnswer.EXCUSED
                        ? Presence.EXCUSED
                        : answer != null ? Presence.PRESENT : null;
            }
            rows.add(new AttendanceForm.Row(seat.id(), presence));
        }
        return attendancePage(model, space, meeting, sitting, new AttendanceForm(rows), FormErrors.none());
    }

    @PostMapping(MeetingsController.MEETING + "/obecnosc")
    String record(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @Valid AttendanceForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommitteeSpace space = access.secretary(user, slug);
        Meeting meeting = access.meeting(user, space, id);
        List<CommitteeSeat> sitting = AttendanceManagement.sitting(
                meeting, directory.seats(space.committee().id()));
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    attendance.record(user, space, id, form);
                    redirect.addFlashAttribute("notice", "committees.meetings.attendance.recorded");
                    return "redirect:" + CommitteePaths.meeting(space, id) + "#obecnosc";
                },
                errors -> attendancePage(model, space, meeting, sitting, form, errors));
    }

    /** A row index that is no number, negative or too large: a malformed request, not a server error. */
    @ExceptionHandler({InvalidPropertyException.class, NumberFormatException.class})
    void malformed(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    private String attendancePage(
            Model model,
            CommitteeSpace space,
            Meeting meeting,
            List<CommitteeSeat> sitting,
            AttendanceForm form,
            FormErrors errors) {
        model.addAttribute("space", space);
        model.addAttribute("meeting", meeting);
        model.addAttribute("when", MeetingCalendar.when(meeting));
        model.addAttribute("path", CommitteePaths.meeting(space, meeting.id()));
        model.addAttribute("sitting", sitting);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("recordable", attendance.recordable(meeting));
        return "committees/meetings/attendance";
    }
}
