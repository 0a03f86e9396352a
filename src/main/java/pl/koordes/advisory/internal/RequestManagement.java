package pl.koordes.advisory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.advisory.AdvisoryAction;
import pl.koordes.advisory.AdvisoryChanged;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.surveys.NeedLinkKind;
import pl.koordes.surveys.Needs;

/**
 * Requests: the region (its coordinators and committee members) or the operator on its behalf asks for advice,
 * changes the request while it waits, withdraws it with a reason, and the region's coordinator rates the
 * completed case once. Every change locks the case ({@link AdvisoryStore#lock}), checks its status and publishes
 * {@link AdvisoryChanged} (its audit line). A request made from a need is linked to it in the surveys module.
 */
@Service
public class RequestManagement {

    /** The notice kind of "a region asks for advice" (to the operators). */
    static final String NOTICE_REQUESTED = "advisory-requested";

    /** The notice kind of "the region rated the case" (to the experts and the operators). */
    static final String NOTICE_RATED = "advisory-rated";

    static final String MAIL_REQUESTED = "advisory/requests/mail/advisoryRequested";

    private final JdbcClient jdbc;
    private final AdvisoryStore store;
    private final AdvisoryPermissions permissions;
    private final Directory directory;
    private final Needs needs;
    private final RoleHolders holders;
    private final Mailer mailer;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestManagement(
            JdbcClient jdbc,
            AdvisoryStore store,
            AdvisoryPermissions permissions,
            Directory directory,
            Needs needs,
            RoleHolders holders,
            Mailer mailer,
            Messages messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.permissions = permissions;
        this.directory = directory;
        this.needs = needs;
        this.holders = holders;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** An advisory topic as the form offers it. */
    public record Topic(long id, String namePl, String nameEn) {

        public String name(Locale locale) {
            return locale.getLanguage().equals("en") ? nameEn : namePl;
        }
    }

    /** The active topics in their order, for the form. */
    @Transactional(readOnly = true)
    public List<Topic> activeTopics(@Nullable Long keep) {
        return jdbc.sql("""
                        select id, name_pl, name_en from advisory_topic where active or id = :keep
                        order by position, id
                        """)
                .param("keep", keep)
                .query((rs, n) -> new Topic(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * The regions this person may ask for: every region for the operator, otherwise those where they are a
     * coordinator or a committee member.
     */
    public List<Region> requestableRegions(CurrentUser user) {
        List<Region> regions = directory.regions();
        if (permissions.isOperator(user)) {
            return regions;
        }
        return regions.stream()
                .filter(r -> permissions.actsForRegion(user, r.id()))
                .toList();
    }

    /**
     * Records a request for advice, links it to its need when it came from one, and tells the operators.
     *
     * @return the new request's id
     * @throws Refused beside the field for a topic, region or need that does not fit
     */
    @Transactional
    public long create(CurrentUser user, RequestForm form) {
        List<Region> regions = requestableRegions(user);
        if (regions.isEmpty()) {
            throw new AccessDeniedException("Only a region's staff or the operator asks for advice");
        }
        long region = region(form.regionId(), regions);
        long topic = topic(form.topicId(), null);
        @Nullable Long need = form.needId();
        if (need != null) {
            Needs.NeedDetails details =
                    needs.details(need).orElseThrow(() -> Refused.because("advisory.requests.need.unknown"));
            Long needRegion = details.reference().regionId();
            if (needRegion != null && needRegion != region) {
                throw Refused.field("regionId", "advisory.requests.need.otherRegion");
            }
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into advisory_request (region_id, topic_id, title, description, kind, mode, preferred_dates,
                            people_concerned, need_id, status, requested_by, requested_at, updated_at)
                        values (:region, :topic, :title, :description, :kind, :mode, :dates, :people, :need, 'SUBMITTED',
                            :by, :now, :now)
                        returning id
                        """)
                .param("region", region)
                .param("topic", topic)
                .param("title", Objects.requireNonNull(form.title(), "form not checked"))
                .param("description", Objects.requireNonNull(form.description(), "form not checked"))
                .param(
                        "kind",
                        Objects.requireNonNull(form.kind(), "form not checked").name())
                .param(
                        "mode",
                        Objects.requireNonNull(form.mode(), "form not checked").name())
                .param("dates", form.preferredDatesText())
                .param("people", form.peopleConcernedText())
                .param("need", need)
                .param("by", user.id())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        AdvisoryRequest after = store.find(id).orElseThrow();
        events.publishEvent(
                new AdvisoryChanged(AdvisoryAction.ADVISORY_REQUESTED, id, region, null, after.auditValues()));
        if (need != null) {
            needs.link(need, NeedLinkKind.ADVICE, id);
        }
        tellOperators(user, after, now);
        return id;
    }

    /**
     * Saves the form over a request that still waits for the operator.
     *
     * @throws Refused a conflict when the request changed since the form was read or is no longer waiting
     */
    @Transactional
    public void update(CurrentUser user, long id, RequestForm form) {
        AdvisoryRequest before = editable(user, id);
        if (form.version() == null || form.version() != before.rowVersion()) {
            throw Refused.conflict("advisory.requests.stale");
        }
        long topic = topic(form.topicId(), before.topicId());
        jdbc.sql("""
                        update advisory_request set topic_id = :topic, title = :title, description = :description,
                            kind = :kind, mode = :mode, preferred_dates = :dates, people_concerned = :people,
                            row_version = row_version + 1, updated_at = :now
                        where id = :id
                        """)
                .param("topic", topic)
                .param("title", Objects.requireNonNull(form.title(), "form not checked"))
                .param("description", Objects.requireNonNull(form.description(), "form not checked"))
                .param(
                        "kind",
                        Objects.requireNonNull(form.kind(), "form not checked").name())
                .param(
                        "mode",
                        Objects.requireNonNull(form.mode(), "form not checked").name())
                .param("dates", form.preferredDatesText())
                .param("people", form.peopleConcernedText())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        AdvisoryRequest after = store.find(id).orElseThrow();
        events.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_REQUEST_UPDATED,
                id,
                before.regionId(),
                before.auditValues(),
                after.auditValues()));
    }

    /** Withdraws a request that still waits for the operator, with the reason; its need is open again. */
    @Transactional
    public void withdraw(CurrentUser user, long id, String reason) {
        AdvisoryRequest before = editable(user, id);
        jdbc.sql("""
                        update advisory_request set status = 'WITHDRAWN', decline_reason = :reason,
                            row_version = row_version + 1, updated_at = :now
                        where id = :id
                        """)
                .param("reason", reason)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        AdvisoryRequest after = store.find(id).orElseThrow();
        events.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_REQUEST_WITHDRAWN,
                id,
                before.regionId(),
                before.auditValues(),
                after.auditValues()));
        if (before.needId() != null) {
            needs.unlink(before.needId(), NeedLinkKind.ADVICE, id);
        }
    }

    /**
     * The region's coordinator rates a completed case, once; the assigned experts and the operators are told.
     *
     * @throws Refused a conflict when the case is not completed or was rated already
     */
    @Transactional
    public void rate(CurrentUser user, long id, RatingForm form) {
        AdvisoryRequest before = visible(user, id);
        if (!permissions.canRate(user, before.regionId())) {
            throw new AccessDeniedException("Only the region's coordinator rates");
        }
        if (before.status() != AdvisoryStatus.COMPLETED) {
            throw Refused.conflict("advisory.requests.rating.notCompleted");
        }
        if (before.rating() != null) {
            throw Refused.conflict("advisory.requests.rating.already");
        }
        Instant now = clock.instant();
        String comment = form.ratingCommentText();
        jdbc.sql("""
                        update advisory_request set rating = :rating, rating_comment = :comment, rated_by = :by,
                            rated_at = :now, row_version = row_version + 1, updated_at = :now
                        where id = :id
                        """)
                .param("rating", Objects.requireNonNull(form.rating(), "form not checked"))
                .param("comment", comment.isEmpty() ? null : comment)
                .param("by", user.id())
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        AdvisoryRequest after = store.find(id).orElseThrow();
        events.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_RATED, id, before.regionId(), before.auditValues(), after.auditValues()));
        Set<Long> told = new LinkedHashSet<>(store.assignedExperts(id));
        Map<Long, String> languages = new HashMap<>();
        for (RoleHolders.Holder holder : holders.active(List.of(Role.EDITOR, Role.ADMINISTRATOR), null)) {
            told.add(holder.accountId());
            languages.put(holder.accountId(), holder.language());
        }
        for (RoleHolders.Holder holder : holders.active(List.of(Role.EXPERT), null)) {
            languages.putIfAbsent(holder.accountId(), holder.language());
        }
        told.remove(user.id());
        for (long account : told) {
            String language = languages.get(account);
            if (language == null) {
                continue;
            }
            events.publishEvent(NoticeRequested.of(
                    account,
                    NOTICE_RATED,
                    messages.get(
                            Language.fromCode(language).locale(),
                            "advisory.requests.notice.rated",
                            after.title(),
                            form.rating()),
                    after.href(),
                    now));
        }
    }

    /** The case locked, if this person may see it; otherwise NotFound whether it exists or not. */
    private AdvisoryRequest visible(CurrentUser user, long id) {
        AdvisoryRequest request = store.lock(id).orElseThrow(() -> new NotFound("advisory", id));
        if (!permissions.canSee(user, request.regionId(), store.assignedExperts(id))) {
            throw new NotFound("advisory", id);
        }
        return request;
    }

    /** The case locked for a change by the region or the operator while it waits. */
    private AdvisoryRequest editable(CurrentUser user, long id) {
        AdvisoryRequest request = visible(user, id);
        if (!permissions.actsForRegion(user, request.regionId())) {
            throw new AccessDeniedException("Only the region or the operator changes a request");
        }
        if (request.status() != AdvisoryStatus.SUBMITTED) {
            throw Refused.conflict("advisory.requests.notSubmitted");
        }
        return request;
    }

    private long region(@Nullable Long chosen, List<Region> allowed) {
        if (chosen == null) {
            if (allowed.size() == 1) {
                return allowed.getFirst().id();
            }
            throw Refused.field("regionId", "advisory.requests.region.required");
        }
        return allowed.stream()
                .filter(r -> r.id() == chosen)
                .findFirst()
                .map(Region::id)
                .orElseThrow(() -> Refused.field("regionId", "advisory.requests.region.invalid"));
    }

    /** An active topic, or the one the request already has (a retired topic stays on old cases). */
    private long topic(@Nullable Long chosen, @Nullable Long current) {
        if (chosen == null) {
            throw Refused.field("topicId", "advisory.requests.topic.required");
        }
        Optional<Long> found = jdbc.sql("select id from advisory_topic where id = :id and (active or id = :current)")
                .param("id", chosen)
                .param("current", current)
                .query(Long.class)
                .optional();
        return found.orElseThrow(() -> Refused.field("topicId", "advisory.requests.topic.invalid"));
    }

    private void tellOperators(CurrentUser user, AdvisoryRequest request, Instant now) {
        Region region = directory.region(request.regionId()).orElseThrow();
        for (RoleHolders.Holder holder : holders.active(List.of(Role.EDITOR, Role.ADMINISTRATOR), null)) {
            if (holder.accountId() == user.id()) {
                continue;
            }
            Language language = Language.fromCode(holder.language());
            String regionName = region.name(language.locale());
            Map<String, Object> model = new HashMap<>();
            model.put("advisoryTitle", request.title());
            model.put("advisoryRegion", regionName);
            model.put("path", request.href());
            mailer.send(holder.email(), language.locale(), MAIL_REQUESTED, model);
            events.publishEvent(NoticeRequested.of(
                    holder.accountId(),
                    NOTICE_REQUESTED,
                    messages.get(language.locale(), "advisory.requests.notice.requested", regionName, request.title()),
                    request.href(),
                    now));
        }
    }
}
