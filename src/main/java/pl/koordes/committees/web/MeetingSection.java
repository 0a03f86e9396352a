package pl.koordes.committees.web;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.Meeting;
import pl.koordes.shared.security.CurrentUser;

/**
 * A part of a meeting's page contributed by another part of the module (the minutes, the resolutions
 * adopted at it), below the meeting's facts, answers and attendance. Sections appear in ascending
 * {@link #order()}. The page is only shown to those who may see the meeting.
 */
public interface MeetingSection {

    /** Position below the meeting; lower comes first. */
    int order();

    /** The section's HTML for this meeting and visitor, or empty when it has nothing to show. */
    Optional<Content> render(CommitteeSpace space, Meeting meeting, CurrentUser user, HttpServletRequest request);
}
