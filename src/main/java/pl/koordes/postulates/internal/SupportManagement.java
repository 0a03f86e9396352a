package pl.koordes.postulates.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.postulates.PostulateAction;
import pl.koordes.postulates.PostulateChanged;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;

/**
 * Support for a submitted postulate: other regions co-sign it (one active signature per region, kept by a
 * partial unique index), people endorse it (one per person, the primary key) and anyone signed in follows
 * it. Every change locks the postulate first ({@link PostulateStore#lock}), so concurrent requests for one
 * postulate wait for each other and the window is checked against its state at that moment; a repeated
 * request changes nothing ({@code on conflict do nothing}) and records nothing. Signatures and
 * endorsements change only while the window is open; following at any time.
 */
@Service
@Transactional
public class SupportManagement {

    private final PostulateStore store;
    private final PostulatePermissions permissions;
    private final PostulateSteps steps;
    private final SupportNotices notices;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupportManagement(
            PostulateStore store,
            PostulatePermissions permissions,
            PostulateSteps steps,
            SupportNotices notices,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.permissions = permissions;
        this.steps = steps;
        this.notices = notices;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Co-signs on behalf of {@code regionId}, a region the person coordinates other than the postulate's own.
     *
     * @return whether a signature was added (false: the region had signed already)
     * @throws Refused when the window is closed or the region is not one the person may sign for
     */
    public boolean cosign(CurrentUser user, long postulateId, long regionId) {
        Postulate postulate = lockedOpen(user, postulateId);
        if (!permissions.cosigningRegions(user, postulate.regionId()).contains(regionId)) {
            throw Refused.because("postulates.support.cosign.notYourRegion");
        }
        Instant now = clock.instant();
        int added = jdbc.sql("""
                        insert into postulates_signature (postulate_id, region_id, signed_by, signed_at)
                        values (:postulate, :region, :by, :at)
                        on conflict (postulate_id, region_id) where withdrawn_at is null do nothing
                        """)
                .param("postulate", postulateId)
                .param("region", regionId)
                .param("by", user.id())
                .param("at", Timestamp.from(now))
                .update();
        if (added == 0) {
            return false;
        }
        steps.record(postulateId, StepKind.COSIGNED, PostulateSteps.Step.region(regionId));
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_COSIGNED,
                postulateId,
                postulate.regionId(),
                null,
                values(postulate, regionId)));
        notices.cosigned(postulate, regionId);
        return true;
    }

    /** Withdraws the region's signature while the window is open; false when it had none. */
    public boolean withdrawCosign(CurrentUser user, long postulateId, long regionId) {
        Postulate postulate = lockedOpen(user, postulateId);
        if (!permissions.cosigningRegions(user, postulate.regionId()).contains(regionId)) {
            throw Refused.because("postulates.support.cosign.notYourRegion");
        }
        int withdrawn = jdbc.sql("""
                        update postulates_signature set withdrawn_at = :now
                        where postulate_id = :postulate and region_id = :region and withdrawn_at is null
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("postulate", postulateId)
                .param("region", regionId)
                .update();
        if (withdrawn == 0) {
            return false;
        }
        steps.record(postulateId, StepKind.COSIGN_WITHDRAWN, PostulateSteps.Step.region(regionId));
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_COSIGN_WITHDRAWN,
                postulateId,
                postulate.regionId(),
                values(postulate, regionId),
                null));
        return true;
    }

    /** Endorses the postulate personally while the window is open; false when the person had already. */
    public boolean endorse(CurrentUser user, long postulateId) {
        if (!permissions.canEndorse(user)) {
            throw Refused.because("postulates.support.endorse.notAllowed");
        }
        Postulate postulate = lockedOpen(user, postulateId);
        int added = jdbc.sql("""
                        insert into postulates_endorsement (postulate_id, account_id, endorsed_at)
                        values (:postulate, :account, :at) on conflict do nothing
                        """)
                .param("postulate", postulateId)
                .param("account", user.id())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        if (added == 0) {
            return false;
        }
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_ENDORSED, postulateId, postulate.regionId(), null, values(postulate, null)));
        return true;
    }

    /** Withdraws the person's endorsement while the window is open; false when there was none. */
    public boolean withdrawEndorsement(CurrentUser user, long postulateId) {
        Postulate postulate = lockedOpen(user, postulateId);
        int removed = jdbc.sql(
                        "delete from postulates_endorsement where postulate_id = :postulate and account_id = :account")
                .param("postulate", postulateId)
                .param("account", user.id())
                .update();
        if (removed == 0) {
            return false;
        }
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_ENDORSEMENT_WITHDRAWN,
                postulateId,
                postulate.regionId(),
                values(postulate, null),
                null));
        return true;
    }

    /** Follows a postulate the person may see; false when they already did. */
    public boolean follow(CurrentUser user, long postulateId) {
        Postulate postulate = visible(user, store.lock(postulateId).orElse(null), postulateId);
        int added = jdbc.sql("""
                        insert into postulates_follower (postulate_id, account_id, since)
                        values (:postulate, :account, :at) on conflict do nothing
                        """)
                .param("postulate", postulateId)
                .param("account", user.id())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        if (added == 0) {
            return false;
        }
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_FOLLOWED, postulateId, postulate.regionId(), null, values(postulate, null)));
        return true;
    }

    /** Stops following; false when the person did not follow it. */
    public boolean unfollow(CurrentUser user, long postulateId) {
        Postulate postulate = store.lock(postulateId).orElseThrow(() -> new NotFound("postulate", postulateId));
        int removed = jdbc.sql(
                        "delete from postulates_follower where postulate_id = :postulate and account_id = :account")
                .param("postulate", postulateId)
                .param("account", user.id())
                .update();
        if (removed == 0) {
            return false;
        }
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_UNFOLLOWED,
                postulateId,
                postulate.regionId(),
                values(postulate, null),
                null));
        return true;
    }

    /** The postulate locked, visible to the person and open for support now; otherwise refused. */
    private Postulate lockedOpen(CurrentUser user, long postulateId) {
        Postulate postulate = visible(user, store.lock(postulateId).orElse(null), postulateId);
        if (!permissions.signingOpen(postulate.status(), postulate.signingClosesAt(), clock.instant())) {
            throw Refused.conflict("postulates.support.closed");
        }
        return postulate;
    }

    private Postulate visible(CurrentUser user, @Nullable Postulate postulate, long postulateId) {
        if (postulate == null || !permissions.canSee(user, postulate.status(), postulate.regionId())) {
            throw new NotFound("postulate", postulateId);
        }
        return postulate;
    }

    private static Map<String, @Nullable Object> values(Postulate postulate, @Nullable Long regionId) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("title", postulate.title());
        if (regionId != null) {
            values.put("regionId", regionId);
        }
        return values;
    }

    /** The active signatures of a postulate, oldest first (the page's list and map). */
    @Transactional(readOnly = true)
    public List<Signature> signatures(long postulateId) {
        return jdbc.sql("""
                        select region_id, signed_at from postulates_signature
                        where postulate_id = :postulate and withdrawn_at is null
                        order by signed_at, region_id
                        """)
                .param("postulate", postulateId)
                .query((rs, n) -> new Signature(
                        rs.getLong("region_id"), rs.getTimestamp("signed_at").toInstant()))
                .list();
    }

    /** A region the person may sign for (the page's buttons), and whether it has signed. */
    public record CosigningRegion(long id, String name, boolean signed) {}

    /** A region's active signature. */
    public record Signature(long regionId, Instant signedAt) {}

    /**
     * What the person has done for the postulate and how many endorse it.
     *
     * @param endorsements everyone's endorsements
     */
    public record Mine(long endorsements, boolean endorsed, boolean following) {}

    @Transactional(readOnly = true)
    public Mine mine(long postulateId, @Nullable Long accountId) {
        return jdbc.sql("""
                        select (select count(*) from postulates_endorsement where postulate_id = :postulate),
                               exists (select 1 from postulates_endorsement where postulate_id = :postulate
                                       and account_id = :account),
                               exists (select 1 from postulates_follower where postulate_id = :postulate
                                       and account_id = :account)
                        """)
                .param("postulate", postulateId)
                .param("account", accountId == null ? -1L : accountId)
                .query((rs, n) -> new Mine(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3)))
                .single();
    }

    /** A postulate the person follows, for "Obserwowane postulaty". */
    public record Followed(long id, String title, String status, long regionId, Instant since) {}

    @Transactional(readOnly = true)
    public List<Followed> followed(long accountId) {
        return jdbc.sql("""
                        select p.id, p.title, p.status, p.region_id, f.since from postulates_follower f
                        join postulates_postulate p on p.id = f.postulate_id
                        where f.account_id = :account and p.status <> 'DRAFT'
                        order by f.since desc, p.id desc
                        """)
                .param("account", accountId)
                .query((rs, n) -> new Followed(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("status"),
                        rs.getLong("region_id"),
                        rs.getTimestamp("since").toInstant()))
                .list();
    }
}
