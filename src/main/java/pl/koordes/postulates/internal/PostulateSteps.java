package pl.koordes.postulates.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the public timeline: every part that moves a postulate records its step here, in the same
 * transaction, so the timeline and the postulate never disagree.
 */
@Component
public class PostulateSteps {

    /**
     * What a step names besides its kind and time.
     *
     * @param regionId the region that co-signed or withdrew its signature
     * @param institutionId the addressee that was sent the postulate or answered
     * @param otherPostulateId the other side of a merge
     * @param eventId the meeting whose agenda it is on
     * @param detail a short public note (the new deadline, the answer's status)
     */
    public record Step(
            @Nullable Long regionId,
            @Nullable Long institutionId,
            @Nullable Long otherPostulateId,
            @Nullable Long eventId,
            @Nullable String detail) {

        public static final Step NONE = new Step(null, null, null, null, null);

        public static Step region(long regionId) {
            return new Step(regionId, null, null, null, null);
        }

        public static Step institution(long institutionId, @Nullable String detail) {
            return new Step(null, institutionId, null, null, detail);
        }

        public static Step postulate(long otherPostulateId) {
            return new Step(null, null, otherPostulateId, null, null);
        }

        public static Step event(long eventId) {
            return new Step(null, null, null, eventId, null);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PostulateSteps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a step now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long postulateId, StepKind kind, Step step) {
        record(postulateId, kind, Instant.now(clock), step);
    }

    /** Records a step at a given moment (demo data, imports). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long postulateId, StepKind kind, Instant at, Step step) {
        jdbc.sql("""
                        insert into postulates_step (postulate_id, kind, at, region_id, institution_id,
                                                     other_postulate_id, event_id, detail)
                        values (:postulate, :kind, :at, :region, :institution, :other, :event, :detail)
                        """)
                .param("postulate", postulateId)
                .param("kind", kind.name())
                .param("at", Timestamp.from(at))
                .param("region", step.regionId())
                .param("institution", step.institutionId())
                .param("other", step.otherPostulateId())
                .param("event", step.eventId())
                .param("detail", step.detail())
                .update();
    }
}
