package pl.koordes.accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import jakarta.servlet.Filter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.accounts.RouteMatrix.Actor;
import pl.koordes.accounts.RouteMatrix.Answer;
import pl.koordes.accounts.internal.AccountUserDetails;
import pl.koordes.accounts.internal.Accounts;

/**
 * Makes a request as one of the matrix's actors through MockMvc with the real security filter chain:
 * the actor is the demo account as the sign-in would leave it (the same principal and authorities),
 * so no password or second factor is typed for each of the many cells. Each request runs in a
 * transaction that is rolled back afterwards (MockMvc runs the controller on this thread, so its
 * writes join it): a POST that deletes or changes demo data leaves nothing behind for other tests.
 */
final class ActorRequests {

    /**
     * Where the requests come from: a documentation address (RFC 5737), so that limits per client
     * address used here do not touch those of tests over real HTTP from 127.0.0.1.
     */
    static final String CLIENT_ADDRESS = "192.0.2.77";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TransactionTemplate rolledBack;
    private final Map<Actor, UsernamePasswordAuthenticationToken> signedIn = new EnumMap<>(Actor.class);
    private String clientAddress = CLIENT_ADDRESS;

    /**
     * The same requests from another client address: a suite sending many forms (every field of every
     * route) keeps the per-address limits of the route matrix's address untouched.
     */
    ActorRequests from(String address) {
        this.clientAddress = address;
        return this;
    }

    /**
     * Each actor asks from an address of its own (the last part of the client address kept): a row tries a
     * form once per actor, and eleven refused forms from one address would meet the limits per address
     * (registration allows ten an hour) that other tests prove.
     */
    private String addressOf(Actor actor) {
        String last = clientAddress.substring(clientAddress.lastIndexOf('.') + 1);
        return "10.77." + actor.ordinal() + "." + last;
    }

    ActorRequests(WebApplicationContext context, Filter... filtersBeforeSecurity) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(filtersBeforeSecurity)
                .apply(springSecurity())
                .build();
        this.jdbc = context.getBean(JdbcClient.class);
        this.rolledBack = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Accounts accounts = context.getBean(Accounts.class);
        for (Actor actor : Actor.values()) {
            if (actor.email == null) {
                continue;
            }
            Accounts.Row row = accounts.byEmail(actor.email)
                    .orElseThrow(() -> new IllegalStateException("Demo account missing: " + actor.email));
            AccountUserDetails details =
                    new AccountUserDetails(accounts.currentUser(row), null, true, row.totpEnabled());
            List<GrantedAuthority> authorities = actor.pending
                    ? List.of(new SimpleGrantedAuthority(AccountUserDetails.PENDING_SECOND_FACTOR))
                    : details.fullAuthorities();
            signedIn.put(actor, UsernamePasswordAuthenticationToken.authenticated(details, null, authorities));
        }
    }

    /** The signed-in person an actor stands for, or null for the anonymous visitor. */
    AccountUserDetails details(Actor actor) {
        var token = signedIn.get(actor);
        return token == null ? null : (AccountUserDetails) token.getPrincipal();
    }

    /**
     * Sends the request. {@code *} (a mapping for every method) is tried with GET; every method but GET
     * and HEAD carries a valid CSRF token, since the matrix is about permissions, not forgery.
     */
    Answer request(Actor actor, String method, String path) {
        return request(actor, method, path, Map.of());
    }

    /**
     * Tables whose changes need no audit line: sessions, the event publication registry, rate limits,
     * once-only keys and links, spent challenges, the development mail outbox, scheduler locks, and the
     * audit log itself. route-matrix.md ("State changes") lists the same, with the reasons.
     */
    static final Set<String> TECHNICAL_TABLES = Set.of(
            "spring_session",
            "spring_session_attributes",
            "event_publication",
            "event_publication_archive",
            "shared_rate_limit_bucket",
            "shared_form_submission",
            "comments_used_challenge",
            "accounts_personal_data_link",
            "notifications_dev_mailbox",
            "shedlock",
            "audit_entry");

    /**
     * What a request did to the database besides answering: the domain tables it changed and the
     * actions of the audit lines it added.
     */
    record Measured(Answer answer, Set<String> changedTables, List<String> auditActions) {}

    /**
     * Sends the request like {@link #request(Actor, String, String)} and measures, in its rolled-back
     * transaction, what it changed: PostgreSQL's per-transaction counters of inserted, updated and
     * deleted rows ({@code pg_stat_xact_user_tables}) before and after it. The sample's own
     * placeholders are filled (and their throwaway rows inserted) before the first reading.
     */
    Measured measured(Actor actor, String method, String path) {
        return Objects.requireNonNull(rolledBack.execute(transaction -> {
            transaction.setRollbackOnly();
            String address = resolve(path);
            Map<String, Long> before = changeCounters();
            long lastAudit = jdbc.sql("select coalesce(max(id), 0) from audit_entry")
                    .query(Long.class)
                    .single();
            Answer answer = perform(actor, method, address, Map.of());
            Map<String, Long> after = changeCounters();
            Set<String> changed = new TreeSet<>();
            after.forEach((table, count) -> {
                if (count > before.getOrDefault(table, 0L) && !TECHNICAL_TABLES.contains(table)) {
                    changed.add(table);
                }
            });
            List<String> actions = jdbc.sql("select action from audit_entry where id > :last order by id")
                    .param("last", lastAudit)
                    .query(String.class)
                    .list();
            return new Measured(answer, changed, actions);
        }));
    }

    private Map<String, Long> changeCounters() {
        Map<String, Long> counters = new HashMap<>();
        jdbc.sql("select relname, n_tup_ins + n_tup_upd + n_tup_del as changes from pg_stat_xact_user_tables")
                .query(rs -> {
                    counters.put(rs.getString("relname").toLowerCase(Locale.ROOT), rs.getLong("changes"));
                });
        return counters;
    }

    /** The same, with request parameters added (in the query for a GET, as the form otherwise). */
    Answer request(Actor actor, String method, String path, Map<String, String> parameters) {
        return rolledBack.execute(transaction -> {
            transaction.setRollbackOnly();
            return perform(actor, method, path, parameters);
        });
    }

    private Answer perform(Actor actor, String method, String path, Map<String, String> parameters) {
        HttpMethod httpMethod = HttpMethod.valueOf(method.equals("*") ? "GET" : method);
        String address = resolve(path);
        if (httpMethod == HttpMethod.GET && !parameters.isEmpty()) {
            // In the query string, percent-encoded, as a browser sends a GET form.
            StringBuilder query = new StringBuilder();
            parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            address += (address.contains("?") ? "&" : "?") + query;
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(httpMethod, URI.create(address))
                .with(r -> {
                    r.setRemoteAddr(addressOf(actor));
                    return r;
                });
        if (httpMethod != HttpMethod.GET) {
            parameters.forEach((name, value) -> request.param(name, value));
        }
        if (httpMethod != HttpMethod.GET && httpMethod != HttpMethod.HEAD) {
            request.with(csrf());
        }
        UsernamePasswordAuthenticationToken token = signedIn.get(actor);
        if (token != null) {
            request.with(authentication(token));
        }
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String location =
                    response.getRedirectedUrl() != null ? response.getRedirectedUrl() : response.getHeader("Location");
            location = location == null ? "" : location.replaceFirst("^https?://[^/]+", "");
            return new Answer(response.getStatus(), location, response.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " as " + actor + " failed: " + e, e);
        }
    }

    /** The sample with its placeholders filled (see {@link RouteMatrix#resolve}). */
    String resolve(String sample) {
        return RouteMatrix.resolve(jdbc, sample);
    }
}
