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
        Postulate postulate = lockedForRegion(user, postulateId, regionId);
        boolean added =
                change(postulate, """
                insert into postulates_signature (postulate_id, region_id, signed_by, signed_at)
                values (:postulate, :region, :account, :at)
                on conflict (postulate_id, region_id) where withdrawn_at is null do nothing
                """, user, regionId, PostulateAction.POSTULATE_COSIGNED, StepKind.COSIGNED, true);
        if (added) {
            notices.cosigned(postulate, regionId);
        }
        return added;
    }

    /** Withdraws the region's signature while the window is open; false when it had none. */
    public boolean withdrawCosign(CurrentUser user, long postulateId, long regionId) {
        return change(
                lockedForRegion(user, postulateId, regionId),
                """
                update postulates_signature set withdrawn_at = :at
                where postulate_id = :postulate and region_id = :region and withdrawn_at is null
                """,
                user,
                regionId,
                PostulateAction.POSTULATE_COSIGN_WITHDRAWN,
                StepKind.COSIGN_WITHDRAWN,
                false);
    }

    /** Endorses the postulate personally while the window is open; false when the person had already. */
    public boolean endorse(CurrentUser user, long postulateId) {
        if (!permissions.canEndorse(user)) {
            throw Refused.because("postulates.support.endorse.notAllowed");
        }
        return change(lockedOpen(user, postulateId), """
                insert into postulates_endorsement (postulate_id, account_id, endorsed_at)
                values (:postulate, :account, :at) on conflict do nothing
                """, user, null, PostulateAction.POSTULATE_ENDORSED, null, true);
    }

    /** Withdraws the person's endorsement while the window is open; false when there was none. */
    public boolean withdrawEndorsement(CurrentUser user, long postulateId) {
        return change(
                lockedOpen(user, postulateId),
                "delete from postulates_endorsement where postulate_id = :postulate and account_id = :account",
                user,
                null,
                PostulateAction.POSTULATE_ENDORSEMENT_WITHDRAWN,
                null,
                false);
    }

    /** Follows a postulate the person may see; false when they already did. */
    public boolean follow(CurrentUser user, long postulateId) {
        return change(
                visible(user, store.lock(postulateId).orElse(null), postulateId),
                """
                insert into postulates_follower (postulate_id, account_id, since)
                values (:postulate, :account, :at) on conflict do nothing
                """,
                user,
                null,
                PostulateAction.POSTULATE_FOLLOWED,
                null,
                true);
    }

    /** Stops following; false when the person did not follow it. */
    public boolean unfollow(CurrentUser user, long postulateId) {
        return change(
                store.lock(postulateId).orElseThrow(() -> new NotFound("postulate", postulateId)),
                "delete from postulates_follower where postulate_id = :postulate and account_id = :account",
                user,
                null,
                PostulateAction.POSTULATE_UNFOLLOWED,
                null,
                false);
    }

    /**
     * Runs one support statement on the locked and checked postulate (parameters {@code :postulate},
     * {@code :region}, {@code :account}, {@code :at}: what it does not use it ignores) and, when it changed a
     * row, records the public step (where there is one) and the audit line: the region (where there is one)
     * as what was added or what was taken away.
     *
     * @return false when it changed nothing (a repeated request), which is recorded nowhere
     */
    private boolean change(
            Postulate postulate,
            String statement,
            CurrentUser user,
            @Nullable Long regionId,
            PostulateAction action,
            @Nullable StepKind step,
            boolean adds) {
        int changed = jdbc.sql(statement)
                .param("postulate", postulate.id())
                .param("region", regionId)
                .param("account", user.id())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        if (changed == 0) {
            return false;
        }
        if (step != null && regionId != null) {
            steps.record(postulate.id(), step, PostulateSteps.Step.region(regionId));
        }
        Map<String, @Nullable Object> values = values(postulate, regionId);
        events.publishEvent(new PostulateChanged(
                action, postulate.id(), postulate.regionId(), adds ? null : values, adds ? values : null));
        return true;
    }

    /** As {@link #lockedOpen}, for a region the person may sign for; otherwise refused. */
    private Postulate lockedForRegion(CurrentUser user, long postulateId, long regionId) {
        Postulate postulate = lockedOpen(user, postulateId);
        if (!permissions.cosigningRegions(user, postulate.regionId()).contains(regionId)) {
            throw Refused.because("postulates.support.cosign.notYourRegion");
        }
        return postulate;
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
