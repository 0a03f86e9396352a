package pl.koordes.committees.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import pl.koordes.committees.Presence;

/**
 * The three-absences rule (Act on social economy, art. 57): a member absent without excuse from three
 * consecutive meetings may be dismissed by the marshal. A pure function, so that the rule can be read and
 * tested apart from the database.
 *
 * <p>What counts: only meetings held while the person was a member (a member who joined mid-way is judged
 * from the first meeting after joining); a cancelled meeting is never held, so it neither breaks nor
 * extends a streak; presence or an excuse breaks it; a meeting with no record for the member (the
 * secretary has not recorded them) is skipped, as nobody can say they were absent. Once a streak of three
 * is flagged, counting starts again, so six absences in a row are two flags.
 */
final class AbsenceRule {

    /** How many consecutive unexcused absences flag a member. */
    static final int STREAK = 3;

    /** A meeting held while the person was a member, with their recorded presence (null: not recorded). */
    record Held(long meetingId, LocalDate date, @Nullable Presence presence) {}

    private AbsenceRule() {}

    /**
     * The streaks that flag the member, oldest first, each as its three meetings in order.
     *
     * @param held the meetings held during the membership, in the order they took place
     */
    static List<List<Held>> streaks(List<Held> held) {
        List<List<Held>> flagged = new ArrayList<>();
        List<Held> running = new ArrayList<>();
        for (Held meeting : held) {
            if (meeting.presence() == null) {
                continue;
            }
            if (meeting.presence() != Presence.ABSENT) {
                running.clear();
                continue;
            }
            running.add(meeting);
            if (running.size() == STREAK) {
                flagged.add(List.copyOf(running));
                running.clear();
            }
        }
        return flagged;
    }
}
