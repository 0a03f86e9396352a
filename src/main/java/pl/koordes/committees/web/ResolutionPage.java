package pl.koordes.committees.web;

import org.springframework.ui.Model;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.Resolution;
import pl.koordes.committees.internal.ResolutionStore;
import pl.koordes.monitoring.ProgrammeDrafts;
import pl.koordes.shared.web.FormErrors;

/** A resolution's page, shown by its own address and again with the attachment form's errors. */
final class ResolutionPage {

    private ResolutionPage() {}

    static String show(
            Model model,
            CommitteeSpace space,
            Resolution resolution,
            ResolutionStore store,
            boolean canManage,
            ProgrammeDrafts drafts,
            FormErrors errors) {
        model.addAttribute("space", space);
        model.addAttribute("resolution", resolution);
        model.addAttribute("present", store.present(resolution.id()));
        model.addAttribute("attachments", store.attachments(resolution.id()));
        model.addAttribute(
                "meeting",
                resolution.meetingId() == null
                        ? null
                        : store.heldMeetings(resolution.regionId()).stream()
                                .filter(m -> m.id() == resolution.meetingId())
                                .findFirst()
                                .orElse(null));
        Long version = resolution.programmeVersionId();
        String slug = space.region().slug();
        model.addAttribute(
                "programmeHref",
                version == null
                        ? null
                        : drafts.draft(resolution.regionId())
                                .filter(d -> d.id() == version)
                                .map(d -> ProgrammeDrafts.draftPath(slug))
                                .orElse("/monitoring/regiony/" + slug));
        model.addAttribute("canManage", canManage);
        model.addAttribute("errors", errors);
        return "committees/resolutions/detail";
    }
}
