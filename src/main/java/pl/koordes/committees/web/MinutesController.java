package pl.koordes.committees.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.committees.MinutesStatus;
import pl.koordes.committees.internal.CommitteePaths;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.LineDiff;
import pl.koordes.committees.internal.Meeting;
import pl.koordes.committees.internal.MeetingStore;
import pl.koordes.committees.internal.MinutesForms;
import pl.koordes.committees.internal.MinutesManagement;
import pl.koordes.committees.internal.MinutesStore;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * The minutes of a meeting (/komitet/{slug}/posiedzenia/{id}/protokol): the secretary saves versions, sends them
 * for remarks and adopts them; the members read them once sent and remark until the day; every version is readable
 * with what changed. Draft minutes are the secretary's alone: to everyone else, as to outsiders and for another
 * region's meeting, there are none (404). Remarking is for members (403 for other insiders).
 */
@Controller
class MinutesController {

    static final String BASE = "/komitet/{slug}/posiedzenia/{id}/protokol";

    /** What the address names, checked for this person. */
    record Found(CommitteeSpace space, Meeting meeting, MinutesStore.@Nullable Minutes minutes, boolean manage) {

        String path() {
            return CommitteePaths.space(space) + "/posiedzenia/" + meeting.id() + "/protokol";
        }
    }

    private final SpaceAccess spaces;
    private final MeetingStore meetings;
    private final MinutesStore store;
    private final MinutesManagement management;
    private final CommitteePermissions permissions;

    MinutesController(
            SpaceAccess spaces,
            MeetingStore meetings,
            MinutesStore store,
            MinutesManagement management,
            CommitteePermissions permissions) {
        this.spaces = spaces;
        this.meetings = meetings;
        this.store = store;
        this.management = management;
        this.permissions = permissions;
    }

    @GetMapping(BASE)
    String page(@PathVariable String slug, @PathVariable long id, CurrentUser user, Model model) {
        Found found = readable(slug, id, user);
        List<MinutesStore.Version> versions = store.versions(id);
        String latest = versions.isEmpty() ? "" : versions.getFirst().body();
        return show(
                model,
                found,
                user,
                new MinutesForms.TextForm(
                        latest,
                        "",
                        found.minutes() == null ? 0 : found.minutes().rowVersion()),
                new MinutesForms.SendForm(management.defaultRemarksUntil()),
                new MinutesForms.RemarkForm(""),
                FormErrors.none());
    }

    @PostMapping(BASE)
    String save(
            @PathVariable String slug,
            @PathVariable long id,
            CurrentUser user,
            @Valid MinutesForms.TextForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Found found = managed(slug, id, user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    int number = management.save(user.id(), id, form);
                    redirect.addFlashAttribute("notice", "committees.minutes.saved");
                    return "redirect:" + found.path() + "/wersje/" + number;
                },
                errors -> show(
                        model,
                        found,
                        user,
                        form,
                        new MinutesForms.SendForm(management.defaultRemarksUntil()),
                        new MinutesForms.RemarkForm(""),
                        errors));
    }

    @GetMapping(BASE + "/wersje/{number}")
    String version(
            @PathVariable String slug, @PathVariable long id, @PathVariable int number, CurrentUser user, Model model) {
        Found found = readable(slug, id, user);
        List<MinutesStore.Version> versions = store.versions(id);
        MinutesStore.Version version = versions.stream()
                .filter(v -> v.number() == number)
                .findFirst()
                .orElseThrow(() -> new NotFound("minutes version", number));
        Optional<MinutesStore.Version> previous =
                versions.stream().filter(v -> v.number() == number - 1).findFirst();
        model.addAttribute("space", found.space());
        model.addAttribute("meeting", found.meeting());
        model.addAttribute("minutes", found.minutes());
        model.addAttribute("version", version);
        model.addAttribute("versions", versions);
        model.addAttribute(
                "diff", previous.map(p -> LineDiff.of(p.body(), version.body())).orElse(null));
        model.addAttribute("path", found.path());
        return "committees/resolutions/minutesVersion";
    }

    @PostMapping(BASE + "/wyslij")
    String send(
            @PathVariable String slug,
            @PathVariable long id,
            CurrentUser user,
            @Valid MinutesForms.SendForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Found found = managed(slug, id, user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    int mailed = management.send(id, form, found.path());
                    redirect.addFlashAttribute("notice", "committees.minutes.sent");
                    redirect.addFlashAttribute("mailed", mailed);
                    return "redirect:" + found.path();
                },
                errors -> show(model, found, user, textForm(found), form, new MinutesForms.RemarkForm(""), errors));
    }

    @PostMapping(BASE + "/uwagi")
    String remark(
            @PathVariable String slug,
            @PathVariable long id,
            CurrentUser user,
            @Valid MinutesForms.RemarkForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Found found = readable(slug, id, user);
        if (!management.canRemark(user, found.meeting())) {
            throw new AccessDeniedException("Only the committee's members remark on its minutes");
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.remark(user, id, form);
                    redirect.addFlashAttribute("notice", "committees.minutes.remarked");
                    return "redirect:" + found.path() + "#uwagi";
                },
                errors -> show(
                        model,
                        found,
                        user,
                        textForm(found),
                        new MinutesForms.SendForm(management.defaultRemarksUntil()),
                        form,
                        errors));
    }

    @GetMapping(BASE + "/przyjmij")
    String confirmAdopt(@PathVariable String slug, @PathVariable long id, CurrentUser user, Model model) {
        Found found = managed(slug, id, user);
        List<MinutesStore.Version> versions = store.versions(id);
        Confirmation confirmation = Confirmation.of(
                        found.path() + "/przyjmij",
                        found.path(),
                        "committees.minutes.confirm.adopt.title",
                        "committees.minutes.confirm.adopt.button")
                .subject(found.meeting().title())
                .consequence(
                        "committees.minutes.confirm.adopt.version",
                        versions.isEmpty() ? 0 : versions.getFirst().number())
                .consequence("committees.minutes.confirm.adopt.final");
        if (found.minutes() == null || versions.isEmpty()) {
            confirmation = confirmation.refused("committees.minutes.empty");
        } else if (found.minutes().status() == MinutesStatus.ADOPTED) {
            confirmation = confirmation.refused("committees.minutes.adopted");
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(BASE + "/przyjmij")
    String adopt(
            @PathVariable String slug,
            @PathVariable long id,
            CurrentUser user,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Found found = managed(slug, id, user);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + found.path() + "/przyjmij";
        }
        management.adopt(user.id(), id, found.path());
        redirect.addFlashAttribute("notice", "committees.minutes.adopted.notice");
        return "redirect:" + found.path();
    }

    private MinutesForms.TextForm textForm(Found found) {
        List<MinutesStore.Version> versions = store.versions(found.meeting().id());
        return new MinutesForms.TextForm(
                versions.isEmpty() ? "" : versions.getFirst().body(),
                "",
                found.minutes() == null ? 0 : found.minutes().rowVersion());
    }

    private String show(
            Model model,
            Found found,
            CurrentUser user,
            MinutesForms.TextForm text,
            MinutesForms.SendForm send,
            MinutesForms.RemarkForm remark,
            FormErrors errors) {
        model.addAttribute("space", found.space());
        model.addAttribute("meeting", found.meeting());
        model.addAttribute("minutes", found.minutes());
        model.addAttribute("versions", store.versions(found.meeting().id()));
        model.addAttribute("remarks", store.remarks(found.meeting().id()));
        model.addAttribute("manage", found.manage());
        model.addAttribute("held", found.meeting().status() == MeetingStatus.HELD);
        model.addAttribute(
                "canRemark",
                found.minutes() != null
                        && found.minutes().openForRemarks(management.today())
                        && management.canRemark(user, found.meeting()));
        model.addAttribute("textForm", text);
        model.addAttribute("sendForm", send);
        model.addAttribute("remarkForm", remark);
        model.addAttribute("errors", errors);
        model.addAttribute("path", found.path());
        return "committees/resolutions/minutes";
    }

    /** The minutes when this person may read them: the secretary always, members once sent; otherwise 404. */
    private Found readable(String slug, long id, CurrentUser user) {
        CommitteeSpace space = spaces.space(slug);
        long region = space.region().id();
        Meeting meeting = meetings.find(region, id).orElseThrow(() -> new NotFound("committee meeting", id));
        MinutesStore.Minutes minutes = store.find(id).orElse(null);
        boolean manage = permissions.canManage(user, region);
        boolean insider = permissions.canSeeInternal(user, region)
                || management.seatOf(user, meeting).isPresent();
        if (!manage && (!insider || minutes == null || minutes.status() == MinutesStatus.DRAFT)) {
            throw new NotFound("committee minutes", id);
        }
        return new Found(space, meeting, minutes, manage);
    }

    /** The minutes for their secretary: another insider 403, an outsider 404. */
    private Found managed(String slug, long id, CurrentUser user) {
        Found found = readable(slug, id, user);
        if (!found.manage()) {
            throw new AccessDeniedException("Only the region's coordinators write its committee's minutes");
        }
        return found;
    }
}
