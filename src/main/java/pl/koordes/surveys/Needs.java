package pl.koordes.surveys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pl.koordes.shared.outcome.NotFound;

/**
 * Needs as other modules use them. The advisory module (to come) links a need to the advice session that
 * answers it and says when the advice was given; events are linked on the needs' own pages. Each change is
 * audited ({@link NeedChanged}) and moves the need's status as described in docs/surveys.md.
 */
public interface Needs {

    /**
     * Records that {@code targetId} of this kind answers the need (nothing happens when it is linked already).
     *
     * @throws NotFound for an unknown need
     */
    void link(long needId, NeedLinkKind kind, long targetId);

    /** Removes the link, if any; a need left with nothing linked is open again. */
    void unlink(long needId, NeedLinkKind kind, long targetId);

    /**
     * The advice session took place: every need it answers counts it as done from {@code at} (an event counts
     * once it has ended; advice once the advisory module says so).
     */
    void adviceGiven(long adviceId, Instant at);

    /** The needs this event or advice session answers, by topic; one statement. */
    List<NeedReference> needsAnsweredBy(NeedLinkKind kind, long targetId);

    /** The need with its description, for a form prefilled from it (a request for advice); empty when unknown. */
    Optional<NeedDetails> details(long needId);

    /** A need as a form prefilled from it reads it: its reference (topic, region) and its description. */
    record NeedDetails(NeedReference reference, String description) {}
}
