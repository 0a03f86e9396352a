package pl.koordes.directory.internal;

import static pl.koordes.directory.internal.DirectoryChanges.optional;
import static pl.koordes.directory.internal.DirectoryChanges.required;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import pl.koordes.directory.BodyKind;
import pl.koordes.directory.DirectoryAction;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * Committees and their memberships: an administrator creates and edits committees; administrators and
 * the region's coordinator add, change and end memberships (the coordinator with the member's
 * non-public contact details).
 */
@Service
@Validated
@Transactional
public class CommitteeManagement {

    private final JdbcClient jdbc;
    private final DirectoryChanges changes;
    private final Clock clock;

    CommitteeManagement(JdbcClient jdbc, DirectoryChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

    // Committees

    public long createCommittee(@Valid CommitteeForm form) {
        changes.requireRegion(form.regionId());
        long id = jdbc.sql("""
                        insert into committee (region_id, name, term_start, term_end)
                        values (:region, :name, :termStart, :termEnd) returning id
                        """)
                .param("region", form.regionId())
                .param("name", required(form.name()))
                .param("termStart", form.termStart())
                .param("termEnd", form.termEnd())
                .query(Long.class)
                .single();
        changes.publish(
                DirectoryAction.DIRECTORY_COMMITTEE_CREATED,
                "committee",
                id,
                null,
                changes.committee(id).orElseThrow());
        return id;
    }

    public void editCommittee(long id, @Valid CommitteeForm form) {
        Map<String, @Nullable Object> before = changes.committee(id).orElseThrow(() -> new NotFound("committee", id));
        changes.requireRegion(form.regionId());
        jdbc.sql(
                        "update committee set region_id = :region, name = :name, term_start = :termStart, term_end = :termEnd where id = :id")
                .param("region", form.regionId())
                .param("name", required(form.name()))
                .param("termStart", form.termStart())
                .param("termEnd", form.termEnd())
                .param("id", id)
                .update();
        changes.publish(
                DirectoryAction.DIRECTORY_COMMITTEE_UPDATED,
                "committee",
                id,
                before,
                changes.committee(id).orElseThrow());
    }

    // Memberships

    /** Adds a membership with the member's non-public contact details ({@link MemberContactForm#NONE} for none). */
    public long addMembership(long committeeId, @Valid MembershipForm form, @Valid MemberContactForm contact) {
        changes.committee(committeeId).orElseThrow(() -> new NotFound("committee", committeeId));
        long id = jdbc.sql("""
                        insert into committee_membership (committee_id, full_name, organisation, sector, function, function_form,
                                                          term_start, term_end, email, phone, body_kind)
                        values (:committee, :fullName, :organisation, :sector, :function, :functionForm, :termStart,
                                :termEnd, :email, :phone, coalesce(:bodyKind, :suggestedKind))
                        returning id
                        """)
                .params(membershipParameters(form))
                .param("committee", committeeId)
                .param(
                        "suggestedKind",
                        suggestedKind(Objects.requireNonNull(form.sector())).name())
                .param("email", optional(contact.email()))
                .param("phone", optional(contact.phone()))
                .query(Long.class)
                .single();
        publishMembership(DirectoryAction.DIRECTORY_MEMBERSHIP_ADDED, committeeId, id, null);
        return id;
    }

    /** Changes a membership and the member's non-public contact details. */
    public void editMembership(
            long committeeId, long membershipId, @Valid MembershipForm form, @Valid MemberContactForm contact) {
        changeMembership(committeeId, membershipId, form, contact);
    }

    /** Changes a membership; the member's contact details stay as they are. */
    public void editMembership(long committeeId, long membershipId, @Valid MembershipForm form) {
        changeMembership(committeeId, membershipId, form, null);
    }

    /**
     * Ends a membership: {@code lastDay} becomes its last day (today in Warsaw when not given). The
     * public page lists the person up to and including that day.
     */
    public void endMembership(long committeeId, long membershipId, @Nullable LocalDate lastDay) {
        Map<String, @Nullable Object> before = membership(committeeId, membershipId);
        LocalDate end = checkedEnd(before, lastDay);
        jdbc.sql("update committee_membership set term_end = :end where id = :id and committee_id = :committee")
                .param("end", end)
                .param("id", membershipId)
                .param("committee", committeeId)
                .update();
        publishMembership(DirectoryAction.DIRECTORY_MEMBERSHIP_ENDED, committeeId, membershipId, before);
    }

    /**
     * Checks a last day as {@link #endMembership} does, ending nothing: the question asked before ending
     * a membership is shown only for a day that will be accepted.
     *
     * @throws Refused for the day's field, as {@link #endMembership} would
     */
    public void checkEnd(long committeeId, long membershipId, @Nullable LocalDate lastDay) {
        checkedEnd(membership(committeeId, membershipId), lastDay);
    }

    private LocalDate checkedEnd(Map<String, @Nullable Object> membership, @Nullable LocalDate lastDay) {
        LocalDate end = lastDay != null ? lastDay : LocalDate.now(clock.withZone(Formats.ZONE));
        if (!TermDates.plausible(end)) {
            throw Refused.field("end", "directory.admin.date.range");
        }
        if (end.isBefore(LocalDate.parse((String) Objects.requireNonNull(membership.get("termStart"))))) {
            throw Refused.field("end", "directory.admin.membershipEnd.beforeStart");
        }
        return end;
    }

    /** One audit line for the whole change, contact details included when {@code contact} is given. */
    private void changeMembership(
            long committeeId, long membershipId, MembershipForm form, @Nullable MemberContactForm contact) {
        Map<String, @Nullable Object> before = membership(committeeId, membershipId);
        updateMembership(committeeId, membershipId, form);
        if (contact != null) {
            jdbc.sql(
                            "update committee_membership set email = :email, phone = :phone where id = :id and committee_id = :committee")
                    .param("email", optional(contact.email()))
                    .param("phone", optional(contact.phone()))
                    .param("id", membershipId)
                    .param("committee", committeeId)
                    .update();
        }
        publishMembership(DirectoryAction.DIRECTORY_MEMBERSHIP_UPDATED, committeeId, membershipId, before);
    }

    /** Tells who needs to know (the audit log) what changed: {@code before} and the membership as it is now. */
    private void publishMembership(
            DirectoryAction action,
            long committeeId,
            long membershipId,
            @Nullable Map<String, @Nullable Object> before) {
        changes.publish(
                action,
                "committee_membership",
                membershipId,
                before,
                changes.membership(committeeId, membershipId).orElseThrow());
    }

    private Map<String, @Nullable Object> membership(long committeeId, long membershipId) {
        return changes.membership(committeeId, membershipId)
                .orElseThrow(() -> new NotFound("membership", membershipId));
    }

    private void updateMembership(long committeeId, long membershipId, MembershipForm form) {
        jdbc.sql("""
                        update committee_membership set full_name = :fullName, organisation = :organisation, sector = :sector,
                               function = :function, function_form = :functionForm, term_start = :termStart, term_end = :termEnd,
                               body_kind = coalesce(:bodyKind, body_kind)
                        where id = :id and committee_id = :committee
                        """)
                .params(membershipParameters(form))
                .param("id", membershipId)
                .param("committee", committeeId)
                .update();
    }

    private static Map<String, @Nullable Object> membershipParameters(MembershipForm form) {
        Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
        parameters.put("fullName", required(form.fullName()));
        parameters.put("organisation", optional(form.organisation()));
        parameters.put("sector", Objects.requireNonNull(form.sector()).name());
        parameters.put("function", Objects.requireNonNull(form.function()).name());
        parameters.put(
                "functionForm",
                Objects.requireNonNullElse(form.functionForm(), FunctionForm.UNSPECIFIED)
                        .name());
        parameters.put("termStart", form.termStart());
        parameters.put("termEnd", form.termEnd());
        parameters.put(
                "bodyKind", form.bodyKind() == null ? null : form.bodyKind().name());
        return parameters;
    }

    /** The kind of body a member of this sector is most likely appointed from (as the committee migration set it). */
    private static BodyKind suggestedKind(Sector sector) {
        return switch (sector) {
            case PUBLIC_REGIONAL -> BodyKind.MARSHAL_OFFICE;
            case PUBLIC_STATE -> BodyKind.VOIVODE;
            case LOCAL_GOVERNMENT -> BodyKind.LOCAL_GOVERNMENT;
            case SOCIAL_ECONOMY -> BodyKind.SOCIAL_ECONOMY_ENTITY;
            case COOPERATIVE -> BodyKind.COOPERATIVE_UNION;
            case SCIENCE -> BodyKind.RESEARCH;
            case TRADE_UNION -> BodyKind.TRADE_UNION;
            case EMPLOYERS -> BodyKind.EMPLOYERS;
            case NGO, BUSINESS -> BodyKind.OTHER;
        };
    }
}
