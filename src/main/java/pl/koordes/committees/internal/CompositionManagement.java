package pl.koordes.committees.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.committees.CommitteeAction;
import pl.koordes.committees.CommitteeChanged;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.directory.Directory;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.Role;

/**
 * A committee's composition and the secretary's changes to it: the kind of body a member comes from, and the
 * account the member answers invitations and reads internal matters with (an existing account holding the
 * committee-member role of the region). Each change locks the membership and is one audit line
 * ({@code COMMITTEE_MEMBER_LINKED}) with the kind and the account before and after.
 */
@Service
@Transactional(readOnly = true)
public class CompositionManagement {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final RoleHolders holders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CompositionManagement(
            JdbcClient jdbc, Directory directory, RoleHolders holders, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.holders = holders;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(WARSAW));
    }

    public Composition composition(CommitteeSpace space) {
        return Composition.of(directory.seats(space.committee().id()), today());
    }

    /** A membership of the space's committee; an id of another committee's member finds nothing. */
    public Optional<CommitteeSeat> seat(CommitteeSpace space, long membershipId) {
        return directory.seats(space.committee().id()).stream()
                .filter(seat -> seat.id() == membershipId)
                .findFirst();
    }

    /** The addresses of the region's committee-member accounts by account id (to show which account is linked). */
    public Map<Long, String> memberAccounts(long regionId) {
        return holders.active(List.of(Role.COMMITTEE_MEMBER), regionId).stream()
                .collect(Collectors.toMap(RoleHolders.Holder::accountId, RoleHolders.Holder::email, (a, b) -> a));
    }

    @Transactional
    public void setBodyKind(CommitteeSpace space, long membershipId, BodyKindForm form) {
        Map<String, @Nullable Object> before = lock(space, membershipId);
        jdbc.sql("update committee_membership set body_kind = :kind where id = :id")
                .param("kind", Objects.requireNonNull(form.bodyKind()).name())
                .param("id", membershipId)
                .update();
        publish(space, membershipId, before);
    }

    /**
     * Links the member to the account with this address, which must hold the committee-member role of the
     * committee's region and not be linked to another current member of the committee.
     */
    @Transactional
    public void link(CommitteeSpace space, long membershipId, AccountLinkForm form) {
        Map<String, @Nullable Object> before = lock(space, membershipId);
        String email = form.text().toLowerCase(Locale.ROOT);
        long regionId = space.region().id();
        Optional<RoleHolders.Holder> holder = holders.active(List.of(Role.COMMITTEE_MEMBER), regionId).stream()
                .filter(h -> h.email().toLowerCase(Locale.ROOT).equals(email))
                .findFirst();
        if (holder.isEmpty()) {
            boolean elsewhere = holders.active(List.of(Role.COMMITTEE_MEMBER), null).stream()
                    .anyMatch(h -> h.email().toLowerCase(Locale.ROOT).equals(email));
            throw Refused.field(
                    "accountEmail",
                    elsewhere
                            ? "committees.composition.account.otherRegion"
                            : "committees.composition.account.unknown");
        }
        long account = holder.get().accountId();
        LocalDate today = today();
        boolean taken = directory.seats(space.committee().id()).stream()
                .anyMatch(seat -> seat.id() != membershipId
                        && Objects.equals(seat.accountId(), account)
                        && (seat.termEnd() == null || !seat.termEnd().isBefore(today)));
        if (taken) {
            throw Refused.field("accountEmail", "committees.composition.account.taken");
        }
        jdbc.sql("update committee_membership set account_id = :account where id = :id")
                .param("account", account)
                .param("id", membershipId)
                .update();
        publish(space, membershipId, before);
    }

    /** Unlinks the member from their account: they no longer answer invitations with it. */
    @Transactional
    public void unlink(CommitteeSpace space, long membershipId) {
        Map<String, @Nullable Object> before = lock(space, membershipId);
        jdbc.sql("update committee_membership set account_id = null where id = :id and account_id is not null")
                .param("id", membershipId)
                .update();
        publish(space, membershipId, before);
    }

    private Map<String, @Nullable Object> lock(CommitteeSpace space, long membershipId) {
        return snapshot(space, membershipId, " for update")
                .orElseThrow(() -> new NotFound("committee membership", membershipId));
    }

    private Optional<Map<String, @Nullable Object>> snapshot(CommitteeSpace space, long membershipId, String lock) {
        return jdbc.sql("""
                        select body_kind, account_id from committee_membership
                        where id = :id and committee_id = :committee""" + lock)
                .param("id", membershipId)
                .param("committee", space.committee().id())
                .query((rs, n) -> {
                    Map<String, @Nullable Object> values = new LinkedHashMap<>();
                    values.put("bodyKind", rs.getString("body_kind"));
                    values.put("accountId", rs.getObject("account_id", Long.class));
                    return values;
                })
                .optional();
    }

    /** One audit line, unless nothing changed (a form saved as it was shown). */
    private void publish(CommitteeSpace space, long membershipId, Map<String, @Nullable Object> before) {
        Map<String, @Nullable Object> after = snapshot(space, membershipId, "").orElseThrow();
        if (!before.equals(after)) {
            events.publishEvent(new CommitteeChanged(
                    CommitteeAction.COMMITTEE_MEMBER_LINKED,
                    CommitteeChanged.MEMBERSHIP,
                    membershipId,
                    space.region().id(),
                    before,
                    after));
        }
    }
}
