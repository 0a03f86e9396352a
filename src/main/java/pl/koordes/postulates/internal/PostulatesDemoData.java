package pl.koordes.postulates.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.postulates.internal.PostulateSteps.Step;
import pl.koordes.postulates.internal.PostulatesDemoSpecs.Spec;
import pl.koordes.shared.database.DemoData;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.Role;

/**
 * About thirty invented postulates in every state: drafts, open for co-signing, waiting for the operator,
 * forwarded (some overdue), "w analizie", answered (one answer corrected), withdrawn and a merged pair.
 * Dates are relative to the day the demo loads, so overdue postulates stay overdue.
 */
@Component
@Order(110)
@ConditionalOnBooleanProperty("koordes.site.demo")
class PostulatesDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PostulatesDemoData.class);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final RoleHolders holders;
    private final PostulateSteps steps;
    private final PostulatesProperties properties;
    private final DemoData demoData;
    private final Clock clock;

    PostulatesDemoData(
            JdbcClient jdbc,
            Directory directory,
            RoleHolders holders,
            PostulateSteps steps,
            PostulatesProperties properties,
            DemoData demoData,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.holders = holders;
        this.steps = steps;
        this.properties = properties;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.claim("postulates")) {
            return;
        }
        Map<String, Region> regions = new HashMap<>();
        directory.regions().forEach(r -> regions.put(r.slug(), r));
        Map<String, Long> institutions = new HashMap<>();
        for (CentralInstitution institution : directory.centralInstitutions()) {
            if (institution.shortName() != null) {
                institutions.put(institution.shortName(), institution.id());
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Map<String, Long> ids = new HashMap<>();
        for (Spec spec : PostulatesDemoSpecs.SPECS) {
            Region region = regions.get(spec.region());
            Long addressee = institutions.get(spec.addressee());
            if (region == null || addressee == null) {
                continue; // an administrator changed the directory before the demo loaded
            }
            ids.put(spec.title(), load(spec, region, addressee, regions, now));
        }
        Long target = ids.get(PostulatesDemoSpecs.MERGE_TARGET);
        Long merged = PostulatesDemoSpecs.SPECS.stream()
                .filter(s -> s.status() == PostulateStatus.MERGED)
                .map(s -> ids.get(s.title()))
                .findFirst()
                .orElse(null);
        if (target != null && merged != null) {
            merge(merged, target, now);
        }
        endorseAndFollow(now);
        log.info("Loaded {} demonstration postulates", ids.size());
    }

    private long load(Spec spec, Region region, long addressee, Map<String, Region> regions, Instant now) {
        PostulateStatus status = spec.status();
        boolean overdue = status == PostulateStatus.FORWARDED && spec.answerDays() > 0;
        Instant submitted;
        if (overdue) {
            // answerDays days past a deadline of answerDays after forwarding.
            Instant due = days(now, -spec.answerDays());
            submitted = days(due, -(properties.answerDays() + PostulatesDemoSpecs.FORWARD_AFTER));
        } else if (status == PostulateStatus.MERGED) {
            submitted = days(now, -(12 + properties.answerDays() + PostulatesDemoSpecs.FORWARD_AFTER));
        } else {
            submitted = days(now, -spec.daysAgo());
        }
        Instant created = days(submitted, -3);
        boolean draft = status == PostulateStatus.DRAFT;
        Instant closes = days(submitted, properties.signingDays());
        boolean forwarded = status.awaitsAnswer() || status.answered();
        Instant forwardedAt = days(submitted, PostulatesDemoSpecs.FORWARD_AFTER);
        LocalDate due = forwarded ? date(forwardedAt).plusDays(properties.answerDays()) : null;
        Instant firstAnswer = status.answered() ? days(forwardedAt, spec.answerDays()) : null;
        Instant lastAnswer = firstAnswer;
        if (status == PostulateStatus.IN_ANALYSIS && firstAnswer != null) {
            due = date(firstAnswer).plusDays(30);
        }
        Long author = firstHolder(Role.REGIONAL_COORDINATOR, region.id());
        long id = jdbc.sql("""
                        insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, justification,
                            status, created_by, created_at, updated_at, submitted_at, submitted_by, signing_closes_at,
                            forwarded_at, answer_due, first_answered_at, last_answered_at, withdrawn_at, withdrawal_reason)
                        values (:region, :addressee, :title, :problem, :proposal, :justification, :status, :author,
                            :created, :updated, :submitted, :author, :closes, :forwarded, :due, :first, :last,
                            :withdrawn, :reason)
                        returning id
                        """)
                .param("region", region.id())
                .param("addressee", addressee)
                .param("title", spec.title())
                .param("problem", spec.problem())
                .param("proposal", spec.proposal())
                .param("justification", spec.justification())
                .param("status", status == PostulateStatus.MERGED ? PostulateStatus.SUBMITTED.name() : status.name())
                .param("author", author)
                .param("created", ts(draft ? days(now, -spec.daysAgo()) : created))
                .param("updated", ts(draft ? days(now, -spec.daysAgo()) : submitted))
                .param("submitted", draft ? null : ts(submitted))
                .param("closes", draft ? null : ts(closes))
                .param("forwarded", forwarded ? ts(forwardedAt) : null)
                .param("due", due)
                .param("first", firstAnswer == null ? null : ts(firstAnswer))
                .param("last", lastAnswer == null ? null : ts(lastAnswer))
                .param("withdrawn", status == PostulateStatus.WITHDRAWN ? ts(days(submitted, 5)) : null)
                .param(
                        "reason",
                        status == PostulateStatus.WITHDRAWN
                                ? "Sprawa została rozwiązana na poziomie regionu, zanim postulat przekazano dalej."
                                : null)
                .query(Long.class)
                .single();
        for (String area : spec.areas()) {
            jdbc.sql("insert into postulates_area (postulate_id, area_code) values (:id, :area)")
                    .param("id", id)
                    .param("area", area)
                    .update();
        }
        steps.record(id, StepKind.DRAFTED, draft ? days(now, -spec.daysAgo()) : created, Step.NONE);
        if (draft) {
            return id;
        }
        steps.record(id, StepKind.SUBMITTED, submitted, Step.region(region.id()));
        int k = 0;
        for (String slug : spec.cosigners()) {
            Region cosigner = regions.get(slug);
            if (cosigner == null) {
                continue;
            }
            k++;
            Instant signed = submitted.plus(Duration.ofHours(7L * k + 2));
            if (!signed.isBefore(now)) {
                signed = now.minus(Duration.ofMinutes(10L * k));
            }
            jdbc.sql("""
                            insert into postulates_signature (postulate_id, region_id, signed_by, signed_at)
                            values (:id, :region, :by, :at)
                            """)
                    .param("id", id)
                    .param("region", cosigner.id())
                    .param("by", firstHolder(Role.REGIONAL_COORDINATOR, cosigner.id()))
                    .param("at", ts(signed))
                    .update();
            steps.record(id, StepKind.COSIGNED, signed, Step.region(cosigner.id()));
        }
        if (status == PostulateStatus.WITHDRAWN) {
            steps.record(id, StepKind.WITHDRAWN, days(submitted, 5), Step.region(region.id()));
        }
        if (forwarded && due != null) {
            LocalDate firstDue = date(forwardedAt).plusDays(properties.answerDays());
            steps.record(id, StepKind.FORWARDED, forwardedAt, Step.institution(addressee, firstDue.toString()));
        }
        if (overdue && due != null) {
            steps.record(id, StepKind.OVERDUE, startOfDay(due.plusDays(1)), Step.institution(addressee, null));
        }
        if (firstAnswer != null && spec.answer() != null) {
            Long answerer = firstInstitutionHolder(addressee);
            answer(id, 1, addressee, status, spec.answer(), due, false, answerer, firstAnswer);
            steps.record(id, StepKind.ANSWERED, firstAnswer, Step.institution(addressee, status.name()));
            if (status == PostulateStatus.REJECTED && spec.cosigners().isEmpty()) {
                // One answer corrected, so the demo shows versions of an answer.
                Instant corrected = days(firstAnswer, 2);
                answer(
                        id,
                        2,
                        addressee,
                        status,
                        spec.answer()
                                + " Uzupełniamy odpowiedź o podstawę prawną: dyrektywa w sprawie wspólnego systemu podatku od wartości dodanej.",
                        null,
                        true,
                        answerer,
                        corrected);
                steps.record(id, StepKind.ANSWER_CORRECTED, corrected, Step.institution(addressee, status.name()));
                jdbc.sql("update postulates_postulate set last_answered_at = :at where id = :id")
                        .param("at", ts(corrected))
                        .param("id", id)
                        .update();
            }
        }
        return id;
    }

    private void answer(
            long id,
            int version,
            long institution,
            PostulateStatus status,
            String body,
            @Nullable LocalDate newDue,
            boolean correction,
            @Nullable Long by,
            Instant at) {
        jdbc.sql("""
                        insert into postulates_answer (postulate_id, version, institution_id, status, body, new_due,
                            correction, answered_by, answered_at)
                        values (:id, :version, :institution, :status, :body, :due, :correction, :by, :at)
                        """)
                .param("id", id)
                .param("version", version)
                .param("institution", institution)
                .param("status", status.name())
                .param("body", body)
                .param("due", status == PostulateStatus.IN_ANALYSIS ? newDue : null)
                .param("correction", correction)
                .param("by", by)
                .param("at", ts(at))
                .update();
    }

    /** The duplicate joins the overdue postulate: its signatures are kept on the target, its address leads there. */
    private void merge(long merged, long target, Instant now) {
        Instant at = days(now, -(13 + properties.answerDays()));
        jdbc.sql("""
                        insert into postulates_signature (postulate_id, region_id, signed_by, signed_at)
                        select :target, s.region_id, s.signed_by, s.signed_at from postulates_signature s
                        where s.postulate_id = :merged and s.withdrawn_at is null
                          and not exists (select 1 from postulates_signature t where t.postulate_id = :target
                                          and t.region_id = s.region_id and t.withdrawn_at is null)
                        """).param("target", target).param("merged", merged).update();
        jdbc.sql("""
                        update postulates_postulate set status = 'MERGED', merged_into_id = :target, merged_at = :at,
                               updated_at = :at
                        where id = :merged
                        """)
                .param("target", target)
                .param("merged", merged)
                .param("at", ts(at))
                .update();
        steps.record(merged, StepKind.MERGED, at, Step.postulate(target));
        steps.record(target, StepKind.MERGED_IN, at, Step.postulate(merged));
    }

    /** The demo participant, committee member and expert endorse and follow a few open postulates. */
    private void endorseAndFollow(Instant now) {
        List<Long> people = holders.active(List.of(Role.PARTICIPANT, Role.COMMITTEE_MEMBER, Role.EXPERT), null).stream()
                .map(RoleHolders.Holder::accountId)
                .toList();
        for (Long person : people) {
            jdbc.sql("""
                            insert into postulates_endorsement (postulate_id, account_id, endorsed_at)
                            select p.id, :person, least(p.submitted_at + interval '1 day', :now)
                            from postulates_postulate p where p.status = 'SUBMITTED' and p.signing_closes_at > :now
                            """).param("person", person).param("now", ts(now)).update();
        }
        for (RoleHolders.Holder participant : holders.active(List.of(Role.PARTICIPANT), null)) {
            jdbc.sql("""
                            insert into postulates_follower (postulate_id, account_id, since)
                            select p.id, :person, :now from postulates_postulate p
                            where p.status in ('SUBMITTED', 'FORWARDED') order by p.id limit 3
                            """)
                    .param("person", participant.accountId())
                    .param("now", ts(now))
                    .update();
        }
    }

    private @Nullable Long firstHolder(Role role, long regionId) {
        return holders.active(List.of(role), regionId).stream()
                .map(RoleHolders.Holder::accountId)
                .findFirst()
                .orElse(null);
    }

    private @Nullable Long firstInstitutionHolder(long institutionId) {
        return holders.ofInstitution(institutionId).stream()
                .map(RoleHolders.Holder::accountId)
                .findFirst()
                .orElse(null);
    }

    /**
     * Calendar days in Warsaw rather than 24-hour spans: a span across the change of time would otherwise move a
     * late-evening moment into the next day and put a demo deadline one day off.
     */
    private static Instant days(Instant from, long days) {
        return from.atZone(Formats.ZONE).plusDays(days).toInstant();
    }

    private static LocalDate date(Instant instant) {
        return instant.atZone(Formats.ZONE).toLocalDate();
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(Formats.ZONE).toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
