package pl.koordes.accounts;

import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import pl.koordes.accounts.internal.AccountTokens;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.accounts.internal.AccountsProperties;
import pl.koordes.accounts.internal.AdministrationProperties;
import pl.koordes.accounts.internal.AuditLog;
import pl.koordes.accounts.internal.InvitationMail;
import pl.koordes.accounts.internal.RoleForms;
import pl.koordes.accounts.internal.Sessions;
import pl.koordes.accounts.internal.TextSearch;
import pl.koordes.directory.Region;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.shared.web.Paged;

/**
 * The administrators' work on people: finding them, inviting them, granting and taking away roles,
 * deactivating and reactivating accounts. Every change is audited with the values before and after;
 * a change that cannot be made throws {@link Refused} and saves nothing.
 */
@Service
@Validated
public class PeopleManagement {

    private static final String TARGET = "account";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccountTokens tokens;
    private final Sessions sessions;
    private final AuditLog audit;
    private final RoleForms roleForms;
    private final InvitationMail invitationMail;
    private final AccountsProperties accountsProperties;
    private final AdministrationProperties properties;
    private final Clock clock;

    PeopleManagement(
            JdbcClient jdbc,
            Accounts accounts,
            AccountTokens tokens,
            Sessions sessions,
            AuditLog audit,
            RoleForms roleForms,
            InvitationMail invitationMail,
            AccountsProperties accountsProperties,
            AdministrationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
        this.roleForms = roleForms;
        this.invitationMail = invitationMail;
        this.accountsProperties = accountsProperties;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Which people to list. Every part is optional.
     *
     * @param search part of a name or e-mail, compared without regard to case or Polish diacritics
     * @param role people holding this role
     * @param regionSlug people holding a role bound to this region (with {@code role}: that role there)
     * @param status people in this status; without it, everyone but deleted accounts
     */
    public record PeopleFilter(
            @Nullable String search,
            @Nullable Role role,
            @Nullable String regionSlug,
            @Nullable AccountStatus status) {

        public static PeopleFilter none() {
            return new PeopleFilter(null, null, null, null);
        }
    }

    /** A person as the people list shows them. */
    public record PersonSummary(
            long id,
            String email,
            String displayName,
            AccountStatus status,
            List<RoleAssignment> roles,
            @Nullable Instant lastSignInAt) {}

    /** A person as their administration page shows them. */
    public record PersonDetail(
            long id,
            String email,
            String displayName,
            AccountStatus status,
            String language,
            boolean secondFactor,
            Instant createdAt,
            @Nullable Instant lastSignInAt,
            List<RoleAssignment> roles) {

        public boolean holds(Role role) {
            return roles.stream().anyMatch(r -> r.role() == role);
        }
    }

    /** How many accounts are in each status, for the dashboard. */
    @Transactional(readOnly = true)
    public Map<AccountStatus, Long> countByStatus() {
        Map<AccountStatus, Long> counts = new LinkedHashMap<>();
        for (AccountStatus status : AccountStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) as n from account group by status").query(rs -> {
            counts.put(AccountStatus.valueOf(rs.getString("status")), rs.getLong("n"));
        });
        return counts;
    }

    /** One page of people matching the filter, by name; runs the same three queries whatever the data. */
    @Transactional(readOnly = true)
    public Paged<PersonSummary> findPeople(PeopleFilter filter, int page) {
        int size = properties.peoplePageSize();
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        String search = TextSearch.clean(filter.search(), properties.searchMaxLength());
        if (!search.isEmpty()) {
            where.append(" and (")
                    .append(TextSearch.folded("a.email"))
                    .append(" like :pattern escape '\\'")
                    .append(" or ")
                    .append(TextSearch.folded("a.display_name"))
                    .append(" like :pattern escape '\\')");
            params.put("pattern", TextSearch.pattern(search));
        }
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", filter.status().name());
        } else {
            where.append(" and a.status <> 'DELETED'");
        }
        Optional<Region> region =
                filter.regionSlug() == null || filter.regionSlug().isBlank()
                        ? Optional.empty()
                        : roleForms.region(filter.regionSlug());
        if (filter.regionSlug() != null && !filter.regionSlug().isBlank() && region.isEmpty()) {
            return new Paged<>(List.of(), page, size, 0);
        }
        if (filter.role() != null || region.isPresent()) {
            where.append(" and exists (select 1 from role_assignment r where r.account_id = a.id");
            if (filter.role() != null) {
                where.append(" and r.role = :role");
                params.put("role", filter.role().name());
            }
            if (region.isPresent()) {
                where.append(" and r.region_id = :region");
                params.put("region", region.get().id());
            }
            where.append(")");
        }
        long total = jdbc.sql("select count(*) from account a" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", Paged.offset(page, size));
        List<PersonSummary> rows = jdbc.sql(
                        "select a.id, a.email, a.display_name, a.status, a.last_sign_in_at from account a" + where
                                + " order by " + TextSearch.folded("a.display_name")
                                + ", a.id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new PersonSummary(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        AccountStatus.valueOf(rs.getString("status")),
                        List.of(),
                        instant(rs, "last_sign_in_at")))
                .list();
        Map<Long, List<RoleAssignment>> roles =
                rolesOf(rows.stream().map(PersonSummary::id).toList());
        List<PersonSummary> withRoles = rows.stream()
                .map(p -> new PersonSummary(
                        p.id(),
                        p.email(),
                        p.displayName(),
                        p.status(),
                        roles.getOrDefault(p.id(), List.of()),
                        p.lastSignInAt()))
                .toList();
        return new Paged<>(withRoles, page, size, total);
    }

    @Transactional(readOnly = true)
    public Optional<PersonDetail> findPerson(long id) {
        return accounts.byId(id)
                .map(row -> new PersonDetail(
                        row.id(),
                        row.email(),
                        row.displayName(),
                        row.status(),
                        row.language(),
                        row.totpEnabled(),
                        row.createdAt(),
                        row.lastSignInAt(),
                        accounts.roles(row.id())));
    }

    /**
     * Creates an invited account with its roles and sends the invitation e-mail with a single-use link.
     *
     * @return the new account's id
     * @throws Refused when the e-mail is taken or a role is incomplete
     */
    @Transactional
    public long invitePerson(@Valid InvitePersonForm form, CurrentUser actor) {
        List<RoleAssignment> roles = roleForms.of(form);
        String email = Objects.requireNonNull(form.email());
        accounts.releaseUnconfirmedRegistration(email)
                .ifPresent(released ->
                        audit.record(actor, AccountAction.UNCONFIRMED_ACCOUNT_RELEASED, TARGET, released, null, null));
        if (emailTaken(email)) {
            throw Refused.field("email", "admin.invite.email.taken");
        }
        // The unique index decides between two invitations of one address at the same moment.
        long id = accounts.createIfAbsent(
                        email,
                        Objects.requireNonNull(form.displayName()),
                        AccountStatus.INVITED,
                        Objects.requireNonNull(form.language()))
                .orElseThrow(() -> Refused.field("email", "admin.invite.email.taken"));
        roles.forEach(role -> accounts.grant(id, role));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("email", email);
        after.put("displayName", form.displayName());
        after.put("language", form.language());
        after.put("status", AccountStatus.INVITED.name());
        after.put("roles", roleForms.describe(roles));
        audit.record(actor, AccountAction.PERSON_INVITED, TARGET, id, null, after);
        sendInvitation(id, actor);
        return id;
    }

    /** Sends a new invitation link to a person who has not accepted yet; earlier links stop working. */
    @Transactional
    public void resendInvitation(long id, CurrentUser actor) {
        Accounts.Row row = existing(id);
        if (row.status() != AccountStatus.INVITED) {
            throw Refused.conflict("admin.person.notInvited");
        }
        audit.record(actor, AccountAction.INVITATION_RESENT, TARGET, id, null, Map.of("email", row.email()));
        sendInvitation(id, actor);
    }

    /** Grants a role, in a region or for the whole country; granting a role already held changes nothing. */
    @Transactional
    public void grantRole(long id, @Valid GrantRoleForm form, CurrentUser actor) {
        Accounts.Row row = existing(id);
        RoleAssignment role = roleForms.assignment(form.role(), form.region(), "role", "region");
        List<RoleAssignment> before = accounts.roles(id);
        if (before.contains(role)) {
            return;
        }
        accounts.grant(id, role);
        audit.record(
                actor,
                AccountAction.ROLE_GRANTED,
                TARGET,
                row.id(),
                Map.of("roles", roleForms.describe(before)),
                Map.of("roles", roleForms.describe(accounts.roles(id))));
    }

    /**
     * Takes a role away. The person's sessions end, so that the change holds at once (their new sign-in
     * picks up the roles left). Nobody takes the administrator role away from themselves.
     */
    @Transactional
    public void revokeRole(long id, @Valid GrantRoleForm form, CurrentUser actor) {
        Accounts.Row row = existing(id);
        RoleAssignment role = roleForms.assignment(form.role(), form.region(), null, null);
        if (role.role() == Role.ADMINISTRATOR && id == actor.id()) {
            throw Refused.because("admin.person.ownAdministrator");
        }
        List<RoleAssignment> before = accounts.roles(id);
        if (!accounts.revoke(id, role)) {
            return;
        }
        audit.record(
                actor,
                AccountAction.ROLE_REVOKED,
                TARGET,
                row.id(),
                Map.of("roles", roleForms.describe(before)),
                Map.of("roles", roleForms.describe(accounts.roles(id))));
        if (id != actor.id()) {
            // An administrator removing one of their own other roles is not signed out in the middle of it.
            sessions.endAll(id);
        }
    }

    /** Deactivates an account and ends every session of the person; nobody deactivates themselves. */
    @Transactional
    public void deactivatePerson(long id, CurrentUser actor) {
        Accounts.Row row = existing(id);
        if (id == actor.id()) {
            throw Refused.because("admin.person.deactivateSelf");
        }
        if (row.status() == AccountStatus.DEACTIVATED) {
            return;
        }
        accounts.setStatus(id, AccountStatus.DEACTIVATED);
        int ended = sessions.endAll(id);
        audit.record(
                actor,
                AccountAction.PERSON_DEACTIVATED,
                TARGET,
                id,
                Map.of("status", row.status().name()),
                Map.of("status", AccountStatus.DEACTIVATED.name(), "sessionsEnded", ended));
    }

    /** Reactivates a deactivated account: active again, or invited again when no password was ever set. */
    @Transactional
    public void reactivatePerson(long id, CurrentUser actor) {
        Accounts.Row row = existing(id);
        if (row.status() != AccountStatus.DEACTIVATED) {
            throw Refused.conflict("admin.person.notDeactivated");
        }
        AccountStatus status = row.passwordHash() == null ? AccountStatus.INVITED : AccountStatus.ACTIVE;
        accounts.setStatus(id, status);
        audit.record(
                actor,
                AccountAction.PERSON_REACTIVATED,
                TARGET,
                id,
                Map.of("status", row.status().name()),
                Map.of("status", status.name()));
    }

    private void sendInvitation(long id, CurrentUser actor) {
        Accounts.Row row = accounts.byId(id).orElseThrow();
        Instant validUntil = clock.instant().plus(accountsProperties.invitationValidity());
        String token = tokens.issue(id, AccountTokens.Purpose.INVITATION, accountsProperties.invitationValidity());
        invitationMail.send(new InvitationMail.Invitation(
                id,
                row.email(),
                row.displayName(),
                row.language(),
                "/zaproszenie?token=" + token,
                validUntil,
                actor.displayName(),
                accounts.roles(id)));
    }

    private boolean emailTaken(String email) {
        return jdbc.sql(
                        "select exists(select 1 from account where lower(email) = lower(:email) and status <> 'DELETED')")
                .param("email", email)
                .query(Boolean.class)
                .single();
    }

    private Accounts.Row existing(long id) {
        Accounts.Row row = accounts.byId(id).orElseThrow(() -> new NotFound("account", id));
        if (row.status() == AccountStatus.DELETED) {
            throw Refused.conflict("admin.person.deleted");
        }
        return row;
    }

    private Map<Long, List<RoleAssignment>> rolesOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<RoleAssignment>> roles = new LinkedHashMap<>();
        jdbc.sql("""
                        select account_id, role, region_id, institution_id from role_assignment
                        where account_id in (:ids) order by role, region_id, institution_id
                        """).param("ids", ids).query(rs -> {
            roles.computeIfAbsent(rs.getLong("account_id"), k -> new ArrayList<>())
                    .add(new RoleAssignment(Role.valueOf(rs.getString("role")), (Long) rs.getObject("region_id"), (Long)
                            rs.getObject("institution_id")));
        });
        return roles;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
