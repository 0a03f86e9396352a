package pl.koordes.advisory.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.advisory.AdvisoryAction;
import pl.koordes.advisory.AdvisoryChanged;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;

/**
 * The operator's side of a case: the decision, the experts, the limit of hours and the consent to hours beyond
 * it; and the lists behind them (the topics, what each expert covers). Every change of a case locks it first
 * ({@link AdvisoryStore#lock}), so that two operators acting at once take turns; assigning also compares the
 * version the chooser was read at, so that the second of two operators who loaded it together is told rather
 * than adding to a case that changed under them. Permissions are the controllers' (the operator only).
 */
@Service
@Transactional
public class AssignmentManagement {

    private final JdbcClient jdbc;
    private final AdvisoryStore store;
    private final AssignmentQueries queries;
    private final AssignmentMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssignmentManagement(
            JdbcClient jdbc,
            AdvisoryStore store,
            AssignmentQueries queries,
            AssignmentMail mail,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.queries = queries;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /** Accepts (with a limit and any experts chosen) or declines a submitted request. */
    public void decide(CurrentUser actor, long id, DecisionForm form) {
        AdvisoryRequest before = locked(id);
        if (before.status() != AdvisoryStatus.SUBMITTED) {
            throw Refused.conflict("advisory.assignment.decision.notSubmitted");
        }
        Instant now = Instant.now(clock);
        boolean accept = form.decision() == DecisionForm.Decision.ACCEPT;
        List<Long> experts = accept ? experts(form.chosen()) : List.of();
        jdbc.sql("""
                        update advisory_request set status = :status, hours_limit = :hours, decline_reason = :reason,
                               decided_by = :by, decided_at = :now, updated_at = :now, row_version = row_version + 1
                        where id = :id
                        """)
                .param("status", accept ? AdvisoryStatus.ACCEPTED.name() : AdvisoryStatus.DECLINED.name())
                .param("hours", accept ? form.hoursLimit() : null)
                .param("reason", accept ? null : form.reasonText())
                .param("by", actor.id())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        AdvisoryRequest after = reread(id);
        events.publishEvent(new AdvisoryChanged(
                accept ? AdvisoryAction.ADVISORY_ACCEPTED : AdvisoryAction.ADVISORY_DECLINED,
                id,
                after.regionId(),
                before.auditValues(),
                after.auditValues()));
        insertAssignments(actor, after, experts, now);
        AdvisoryCase advisoryCase = store.findCase(id).orElseThrow();
        mail.decided(advisoryCase, actor.id());
        for (long expert : experts) {
            mail.assigned(advisoryCase, expert, actor.id());
        }
    }

    /** Assigns the experts chosen; refused as a conflict when the case changed since the chooser was read. */
    public List<Long> assign(CurrentUser actor, long id, AssignForm form) {
        AdvisoryRequest request = locked(id);
        if (!request.status().open()) {
            throw Refused.conflict("advisory.assignment.assign.closed");
        }
        if (form.version() == null || form.version() != request.rowVersion()) {
            throw Refused.conflict("advisory.assignment.assign.stale");
        }
        List<Long> chosen = experts(form.chosen());
        List<Long> assigned = store.assignedExperts(id);
        List<Long> added = chosen.stream().filter(e -> !assigned.contains(e)).toList();
        if (added.isEmpty()) {
            throw Refused.field("expertIds", "advisory.assignment.experts.already");
        }
        Instant now = Instant.now(clock);
        bump(id, now);
        insertAssignments(actor, request, added, now);
        AdvisoryCase advisoryCase = store.findCase(id).orElseThrow();
        for (long expert : added) {
            mail.assigned(advisoryCase, expert, actor.id());
        }
        return added;
    }

    /** Takes an expert off an open case. */
    public void unassign(CurrentUser actor, long id, long accountId) {
        AdvisoryRequest request = locked(id);
        if (!store.assignedExperts(id).contains(accountId)) {
            throw new NotFound("advisory assignment", id + "/" + accountId);
        }
        if (!request.status().open()) {
            throw Refused.conflict("advisory.assignment.unassign.closed");
        }
        AdvisoryCase advisoryCase = store.findCase(id).orElseThrow();
        jdbc.sql("delete from advisory_assignment where request_id = :id and account_id = :a")
                .param("id", id)
                .param("a", accountId)
                .update();
        bump(id, Instant.now(clock));
        events.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_EXPERT_UNASSIGNED,
                id,
                request.regionId(),
                expertValues(request, accountId),
                null));
        mail.unassigned(advisoryCase, accountId, actor.id());
    }

    /** A new limit of hours, not below the hours already counted. */
    public void changeLimit(CurrentUser actor, long id, LimitForm form) {
        AdvisoryRequest before = locked(id);
        if (!before.status().open()) {
            throw Refused.conflict("advisory.assignment.limit.closed");
        }
        BigDecimal hours = Objects.requireNonNull(form.hoursLimit());
        if (hours.compareTo(queries.countedHours(id)) < 0) {
            throw Refused.field("hoursLimit", "advisory.assignment.limit.belowCounted");
        }
        jdbc.sql("""
                        update advisory_request set hours_limit = :hours, updated_at = :now, row_version = row_version + 1
                        where id = :id
                        """)
                .param("hours", hours)
                .param("now", Instant.now(clock).atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        AdvisoryRequest after = reread(id);
        events.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_LIMIT_CHANGED,
                id,
                after.regionId(),
                before.auditValues(),
                after.auditValues()));
    }

    /** Grants or refuses a session's hours beyond the limit; the expert who recorded it is told. */
    public void consent(CurrentUser actor, long id, long sessionId, boolean grant) {
        AdvisoryRequest request = locked(id);
        record Session(@Nullable Long expert, @Nullable String consent) {}
        Session session = jdbc.sql(
                        "select account_id, consent from advisory_session where id = :s and request_id = :id")
                .param("s", sessionId)
                .param("id", id)
                .query((rs, n) -> new Session((Long) rs.getObject(1), rs.getString(2)))
                .optional()
                .orElseThrow(() -> new NotFound("advisory session", sessionId));
        if (!"PENDING".equals(session.consent())) {
            throw Refused.conflict("advisory.assignment.consent.notPending");
        }
        AssignmentQueries.PendingSession pending = queries.pending(id).stream()
                .filter(p -> p.id() == sessionId)
                .findFirst()
                .orElseThrow();
        Instant now = Instant.now(clock);
        String decided = grant ? "GRANTED" : "REFUSED";
        jdbc.sql("""
                        update advisory_session set consent = :consent, consent_by = :by, consent_at = :now,
                               updated_at = :now, row_version = row_version + 1
                        where id = :s
                        """)
                .param("consent", decided)
                .param("by", actor.id())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("s", sessionId)
                .update();
        bump(id, now);
        Map<String, @Nullable Object> before = sessionValues(request, pending, "PENDING");
        events.publishEvent(new AdvisoryChanged(
                grant ? AdvisoryAction.ADVISORY_HOURS_CONSENTED : AdvisoryAction.ADVISORY_HOURS_REFUSED,
                id,
                request.regionId(),
                before,
                sessionValues(request, pending, decided)));
        if (session.expert() != null) {
            mail.consent(store.findCase(id).orElseThrow(), session.expert(), pending, grant, actor.id());
        }
    }

    /** Adds a topic; its names must not be taken (whatever their case). */
    public long addTopic(CurrentUser actor, TopicForm form) {
        uniqueNames(form, null);
        long id;
        try {
            id = jdbc.sql("""
                            insert into advisory_topic (name_pl, name_en, position, active)
                            values (:pl, :en, :position, true) returning id
                            """)
                    .param("pl", form.namePlText())
                    .param("en", form.nameEnText())
                    .param("position", form.topicPosition())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException taken) {
            throw Refused.field("namePl", "advisory.assignment.topic.taken");
        }
        events.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_TOPIC_ADDED,
                0,
                0,
                null,
                topicValues(queries.topic(id).orElseThrow())));
        return id;
    }

    /** Renames, moves, retires or restores a topic; a retired topic stays on the cases that name it. */
    public void updateTopic(CurrentUser actor, long topicId, TopicForm form) {
        AssignmentQueries.Topic before = jdbc.sql("select id from advisory_topic where id = :id for update")
                .param("id", topicId)
                .query(Long.class)
                .optional()
                .flatMap(queries::topic)
                .orElseThrow(() -> new NotFound("advisory topic", topicId));
        uniqueNames(form, topicId);
        try {
            jdbc.sql("""
                            update advisory_topic set name_pl = :pl, name_en = :en, position = :position, active = :active
                            where id = :id
                            """)
                    .param("pl", form.namePlText())
                    .param("en", form.nameEnText())
                    .param("position", form.topicPosition())
                    .param("active", form.topicActive() != null && form.topicActive())
                    .param("id", topicId)
                    .update();
        } catch (DuplicateKeyException taken) {
            throw Refused.field("namePl", "advisory.assignment.topic.taken");
        }
        events.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_TOPIC_UPDATED,
                0,
                0,
                topicValues(before),
                topicValues(queries.topic(topicId).orElseThrow())));
    }

    /** The topics and regions an expert covers (no region: every region). */
    public void updateProfile(CurrentUser actor, long accountId, ExpertProfileForm form) {
        if (!queries.isActiveExpert(accountId)) {
            throw new NotFound("advisory expert", accountId);
        }
        // One expert's profile at a time: two operators saving it at once do not mix their rows.
        jdbc.sql("select id from account where id = :a for update")
                .param("a", accountId)
                .query(Long.class)
                .single();
        List<Long> topics = List.copyOf(new LinkedHashSet<>(form.topics()));
        List<Long> regions = List.copyOf(new LinkedHashSet<>(form.regions()));
        long knownTopics = topics.isEmpty()
                ? 0
                : jdbc.sql("select count(*) from advisory_topic where id in (:ids)")
                        .param("ids", topics)
                        .query(Long.class)
                        .single();
        if (knownTopics != topics.size()) {
            throw Refused.field("topicIds", "advisory.assignment.profile.topics.invalid");
        }
        long knownRegions = regions.isEmpty()
                ? 0
                : jdbc.sql("select count(*) from region where id in (:ids)")
                        .param("ids", regions)
                        .query(Long.class)
                        .single();
        if (knownRegions != regions.size()) {
            throw Refused.field("regionIds", "advisory.assignment.profile.regions.invalid");
        }
        Map<String, @Nullable Object> before = profileValues(accountId);
        jdbc.sql("delete from advisory_expert_topic where account_id = :a")
                .param("a", accountId)
                .update();
        jdbc.sql("delete from advisory_expert_region where account_id = :a")
                .param("a", accountId)
                .update();
        for (long topic : topics) {
            jdbc.sql("insert into advisory_expert_topic (account_id, topic_id) values (:a, :t)")
                    .param("a", accountId)
                    .param("t", topic)
                    .update();
        }
        for (long region : regions) {
            jdbc.sql("insert into advisory_expert_region (account_id, region_id) values (:a, :r)")
                    .param("a", accountId)
                    .param("r", region)
                    .update();
        }
        events.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_EXPERT_PROFILE_UPDATED, 0, 0, before, profileValues(accountId)));
    }

    private AdvisoryRequest locked(long id) {
        return store.lock(id).orElseThrow(() -> new NotFound("advisory", id));
    }

    private AdvisoryRequest reread(long id) {
        return store.find(id).orElseThrow(() -> new NotFound("advisory", id));
    }

    private void bump(long id, Instant now) {
        jdbc.sql("update advisory_request set row_version = row_version + 1, updated_at = :now where id = :id")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    /** The experts chosen, once each, each an active expert; otherwise refused beside the chooser. */
    private List<Long> experts(List<Long> chosen) {
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(chosen));
        for (long expert : distinct) {
            if (!queries.isActiveExpert(expert)) {
                throw Refused.field("expertIds", "advisory.assignment.experts.invalid");
            }
        }
        return distinct;
    }

    private void insertAssignments(CurrentUser actor, AdvisoryRequest request, List<Long> experts, Instant now) {
        for (long expert : experts) {
            jdbc.sql("""
                            insert into advisory_assignment (request_id, account_id, assigned_by, assigned_at)
                            values (:r, :a, :by, :at) on conflict do nothing
                            """)
                    .param("r", request.id())
                    .param("a", expert)
                    .param("by", actor.id())
                    .param("at", now.atOffset(ZoneOffset.UTC))
                    .update();
            events.publishEvent(new AdvisoryChanged(
                    AdvisoryAction.ADVISORY_EXPERT_ASSIGNED,
                    request.id(),
                    request.regionId(),
                    null,
                    expertValues(request, expert)));
        }
    }

    private void uniqueNames(TopicForm form, @Nullable Long except) {
        List<Refused.Reason> reasons = new ArrayList<>();
        if (nameTaken("name_pl", form.namePlText(), except)) {
            reasons.add(new Refused.Reason("namePl", "advisory.assignment.topic.taken"));
        }
        if (nameTaken("name_en", form.nameEnText(), except)) {
            reasons.add(new Refused.Reason("nameEn", "advisory.assignment.topic.takenEn"));
        }
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
    }

    private boolean nameTaken(String column, String name, @Nullable Long except) {
        return jdbc.sql("select exists (select 1 from advisory_topic where lower(" + column + ") = lower(:name)"
                        + " and (cast(:except as bigint) is null or id <> :except))")
                .param("name", name)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    private static Map<String, @Nullable Object> expertValues(AdvisoryRequest request, long expert) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("title", request.title());
        values.put("expert", expert);
        return values;
    }

    private static Map<String, @Nullable Object> sessionValues(
            AdvisoryRequest request, AssignmentQueries.PendingSession session, String consent) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("title", request.title());
        values.put("session", session.id());
        values.put("hours", session.hours().toPlainString());
        values.put("consent", consent);
        return values;
    }

    private static Map<String, @Nullable Object> topicValues(AssignmentQueries.Topic topic) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("name", topic.namePl());
        values.put("nameEn", topic.nameEn());
        values.put("position", topic.position());
        values.put("active", topic.active());
        return values;
    }

    private Map<String, @Nullable Object> profileValues(long accountId) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("expert", accountId);
        values.put(
                "topics",
                jdbc
                        .sql("select topic_id from advisory_expert_topic where account_id = :a order by topic_id")
                        .param("a", accountId)
                        .query(Long.class)
                        .list()
                        .stream()
                        .map(String::valueOf)
                        .collect(Collectors.joining(",")));
        values.put(
                "regions",
                jdbc
                        .sql("select region_id from advisory_expert_region where account_id = :a order by region_id")
                        .param("a", accountId)
                        .query(Long.class)
                        .list()
                        .stream()
                        .map(String::valueOf)
                        .collect(Collectors.joining(",")));
        return values;
    }
}
