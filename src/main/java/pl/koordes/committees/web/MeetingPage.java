package pl.koordes.committees.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import pl.koordes.committees.internal.AnswerForm;
import pl.koordes.committees.internal.AttendanceManagement;
import pl.koordes.committees.internal.CommitteePaths;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.Meeting;
import pl.koordes.committees.internal.MeetingCalendar;
import pl.koordes.committees.internal.MeetingManagement;
import pl.koordes.committees.internal.MeetingQueries;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.directory.Directory;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;

/**
 * A meeting's page: its facts, agenda and documents, the members' answers (the secretary sees all of them, a
 * member their own, with the form to give it), the attendance, then every {@link MeetingSection} in order.
 */
@Component
class MeetingPage {

    private final MeetingQueries queries;
    private final AttendanceManagement attendance;
    private final CommitteePermissions permissions;
    private final Directory directory;
    private final List<MeetingSection> sections;

    MeetingPage(
            MeetingQueries queries,
            AttendanceManagement attendance,
            CommitteePermissions permissions,
            Directory directory,
            List<MeetingSection> sections) {
        this.queries = queries;
        this.attendance = attendance;
        this.permissions = permissions;
        this.directory = directory;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(MeetingSection::order))
                .toList();
    }

    String show(
            Model model,
            CurrentUser user,
            CommitteeSpace space,
            Meeting meeting,
            HttpServletRequest request,
            Optional<AnswerForm> typed,
            FormErrors errors) {
        boolean secretary = permissions.canManage(user, space.region().id());
        List<CommitteeSeat> seats = directory.seats(space.committee().id());
        List<CommitteeSeat> sitting = AttendanceManagement.sitting(meeting, seats);
        Optional<CommitteeSeat> own = attendance.seatOf(user, meeting, seats);
        Map<Long, MeetingQueries.Answer> answers = queries.answers(meeting.id());
        MeetingQueries.Answer ownAnswer = own.map(s -> answers.get(s.id())).orElse(null);
        model.addAttribute("space", space);
        model.addAttribute("meeting", meeting);
        model.addAttribute("base", CommitteePaths.space(space));
        model.addAttribute("path", CommitteePaths.meeting(space, meeting.id()));
        model.addAttribute("when", MeetingCalendar.when(meeting));
        model.addAttribute("secretary", secretary);
        model.addAttribute("sitting", sitting);
        model.addAttribute("answers", answers);
        model.addAttribute("attendance", queries.attendance(meeting.id()));
        model.addAttribute("documents", queries.documents(meeting.id(), true));
        model.addAttribute("ownSeat", own.orElse(null));
        model.addAttribute("ownAnswer", ownAnswer);
        model.addAttribute("answerable", own.isPresent() && attendance.answerable(meeting));
        model.addAttribute("recordable", secretary && attendance.recordable(meeting));
        model.addAttribute("cancellable", secretary && MeetingManagement.cancellable(meeting));
        model.addAttribute(
                "answerForm",
                typed.orElseGet(() -> new AnswerForm(
                        ownAnswer == null ? null : ownAnswer.answer(),
                        ownAnswer == null || ownAnswer.reason() == null ? "" : ownAnswer.reason())));
        model.addAttribute("errors", errors);
        model.addAttribute(
                "sections",
                sections.stream()
                        .flatMap(s -> s.render(space, meeting, user, request).stream())
                        .toList());
        return "committees/meetings/meeting";
    }
}
