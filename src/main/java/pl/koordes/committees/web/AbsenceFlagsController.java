package pl.koordes.committees.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import pl.koordes.committees.AbsenceDecision;
import pl.koordes.committees.internal.AbsenceFlags;
import pl.koordes.committees.internal.CommitteePaths;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.DecisionForm;
import pl.koordes.committees.internal.MeetingQueries;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.directory.Directory;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * The marshal's decision on a flagged member, recorded by the secretary: its form (also in the space), and
 * before a dismissal, which takes the member off the committee, the question on a page of its own.
 */
@Controller
class AbsenceFlagsController {

    static final String FLAG = CommitteePaths.ROOT + "/{slug}/nieobecnosci/{flagId}";

    private final SpaceAccess access;
    private final AbsenceFlags flags;
    private final MeetingQueries queries;
    private final Directory directory;

    AbsenceFlagsController(SpaceAccess access, AbsenceFlags flags, MeetingQueries queries, Directory directory) {
        this.access = access;
        this.flags = flags;
        this.queries = queries;
        this.directory = directory;
    }

    @GetMapping(FLAG)
    String form(CurrentUser user, @PathVariable String slug, @PathVariable long flagId, Model model) {
        CommitteeSpace space = access.secretary(user, slug);
        return page(model, space, flag(space, flagId), DecisionForm.empty(), FormErrors.none());
    }

    @PostMapping(FLAG)
    String decide(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long flagId,
            @Valid DecisionForm form,
            BindingResult result,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommitteeSpace space = access.secretary(user, slug);
        MeetingQueries.Flag flag = flag(space, flagId);
        String path = CommitteePaths.space(space) + "/nieobecnosci/" + flagId;
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    if (form.decision() == AbsenceDecision.DISMISSED && !Confirmation.given(confirmed)) {
                        return "redirect:"
                                + UriComponentsBuilder.fromPath(path + "/odwolanie")
                                        .queryParam("decisionDate", Objects.requireNonNull(form.decisionDate()))
                                        .queryParam(
                                                "decisionNote", form.decisionNote() == null ? "" : form.decisionNote())
                                        .encode()
                                        .build()
                                        .toUriString();
                    }
                    flags.decide(user, space, flagId, form);
                    redirect.addFlashAttribute("notice", "committees.meetings.flag.recorded");
                    return "redirect:" + CommitteePaths.space(space) + "#nieobecnosci";
                },
                errors -> page(model, space, flag, form, errors));
    }

    /** The question before recording a dismissal: who leaves the committee, from which day; the history stays. */
    @GetMapping(FLAG + "/odwolanie")
    String confirmDismissal(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long flagId,
            @RequestParam(name = "decisionDate", required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate decidedOn,
            @RequestParam(name = "decisionNote", required = false) @Nullable String note,
            Locale locale,
            Model model) {
        CommitteeSpace space = access.secretary(user, slug);
        MeetingQueries.Flag flag = flag(space, flagId);
        String path = CommitteePaths.space(space) + "/nieobecnosci/" + flagId;
        LocalDate day = decidedOn == null ? LocalDate.now(Formats.ZONE) : decidedOn;
        Confirmation question = Confirmation.of(
                        path,
                        path,
                        "committees.meetings.confirm.dismiss.title",
                        "committees.meetings.confirm.dismiss.button")
                .subject(seat(space, flag).fullName())
                .field("decision", AbsenceDecision.DISMISSED.name())
                .field("decisionDate", day.toString())
                .field("decisionNote", note == null ? "" : note)
                .consequence("committees.meetings.confirm.dismiss.day", Formats.date(day))
                .consequence("committees.meetings.confirm.dismiss.kept");
        if (!flag.undecided()) {
            question = question.refused("committees.meetings.flag.decided");
        }
        model.addAttribute("confirmation", question);
        return "shared/confirm";
    }

    private String page(
            Model model, CommitteeSpace space, MeetingQueries.Flag flag, DecisionForm form, FormErrors errors) {
        model.addAttribute("space", space);
        model.addAttribute("base", CommitteePaths.space(space));
        model.addAttribute("flag", flag);
        model.addAttribute("seat", seat(space, flag));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "committees/meetings/decision";
    }

    private MeetingQueries.Flag flag(CommitteeSpace space, long flagId) {
        return queries.flag(space.committee().id(), flagId)
                .orElseThrow(() -> new NotFound("committee absence flag", flagId));
    }

    private CommitteeSeat seat(CommitteeSpace space, MeetingQueries.Flag flag) {
        return directory.seats(space.committee().id()).stream()
                .filter(s -> s.id() == flag.membershipId())
                .findFirst()
                .orElseThrow(() -> new NotFound("committee membership", flag.membershipId()));
    }
}
