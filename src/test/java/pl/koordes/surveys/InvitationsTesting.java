package pl.koordes.surveys;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Surveys, people and answers made for the invitation tests, written straight to the database (the builder
 * and the answer form are other parts' and tested there).
 */
final class InvitationsTesting {

    private final JdbcClient jdbc;

    InvitationsTesting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A published survey with this audience, open between the two moments. */
    long survey(
            String title,
            String mode,
            List<String> roles,
            List<Long> regions,
            boolean link,
            Instant opensAt,
            Instant closesAt) {
        return jdbc.sql("""
                        insert into surveys_survey (title, description, published, opens_at, closes_at, response_mode,
                            audience_roles, audience_regions, audience_link, link_token, created_at, updated_at, published_at)
                        values (:title, :description, true, :opens, :closes, :mode, cast(:roles as text[]),
                            cast(:regions as bigint[]), :link, :token, now(), now(), now())
                        returning id""")
                .param("title", title)
                .param("description", "Zbieramy potrzeby, żeby zaplanować doradztwo na przyszły rok.")
                .param("opens", Timestamp.from(opensAt))
                .param("closes", Timestamp.from(closesAt))
                .param("mode", mode)
                .param("roles", "{" + String.join(",", roles) + "}")
                .param("regions", "{" + regions.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}")
                .param("link", link)
                .param("token", UUID.randomUUID().toString().replace("-", ""))
                .query(Long.class)
                .single();
    }

    /** An account with one role; returns its address. */
    String person(String name, String status, boolean notifications, String role, @Nullable Long region) {
        return person(name, status, notifications, role, region, null);
    }

    String person(
            String name,
            String status,
            boolean notifications,
            String role,
            @Nullable Long region,
            @Nullable Long institution) {
        String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.koordes.example";
        long id = jdbc.sql("""
                        with a as (insert into account (email, display_name, status)
                                   values (:email, :name, :status) returning id),
                             s as (insert into notifications_setting (account_id, default_delivery, updated_at)
                                   select id, 'APP', now() from a where not :notifications)
                        select id from a""")
                .param("email", address)
                .param("name", "Osoba " + name)
                .param("status", status)
                .param("notifications", notifications)
                .query(Long.class)
                .single();
        grant(id, role, region, institution);
        return address;
    }

    void grant(long account, String role, @Nullable Long region, @Nullable Long institution) {
        jdbc.sql("""
                        insert into role_assignment (account_id, role, region_id, institution_id)
                        values (:account, :role, :region, :institution)""")
                .param("account", account)
                .param("role", role)
                .param("region", region)
                .param("institution", institution)
                .update();
    }

    long accountId(String address) {
        return jdbc.sql("select id from account where lower(email) = lower(:email)")
                .param("email", address)
                .query(Long.class)
                .single();
    }

    long region(String slug) {
        return jdbc.sql("select id from region where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .single();
    }

    /** The ROPS of a region: the institution its coordinators answer for. */
    long centre(long region) {
        return jdbc.sql("select min(id) from institution where kind = 'ROPS' and region_id = :region")
                .param("region", region)
                .query(Long.class)
                .single();
    }

    long institution(String shortName) {
        return jdbc.sql("select id from institution where short_name = :name")
                .param("name", shortName)
                .query(Long.class)
                .single();
    }

    /** A person's own answer (PERSON mode), submitted or a draft. */
    void personAnswer(long survey, String address, String status) {
        jdbc.sql("""
                        insert into surveys_response (survey_id, account_id, status, submitted_on, submitted_at,
                            created_at, updated_at)
                        values (:survey, :account, :status, case when :status = 'SUBMITTED' then current_date end,
                            case when :status = 'SUBMITTED' then now() end, now(), now())""")
                .param("survey", survey)
                .param("account", accountId(address))
                .param("status", status)
                .update();
    }

    /** An anonymous survey's answer: no account on it, only the participation row. */
    void anonymousAnswer(long survey, String address) {
        jdbc.sql("""
                        insert into surveys_response (survey_id, status, submitted_on, created_at, updated_at)
                        values (:survey, 'SUBMITTED', current_date, now(), now())""").param("survey", survey).update();
        jdbc.sql("insert into surveys_participation (survey_id, account_id) values (:survey, :account)")
                .param("survey", survey)
                .param("account", accountId(address))
                .update();
    }

    /** An institution's answer (INSTITUTION mode), saved by one of its people. */
    void institutionAnswer(long survey, long institution, @Nullable Long region, String status) {
        jdbc.sql("""
                        insert into surveys_response (survey_id, institution_id, region_id, status, submitted_on,
                            submitted_at, created_at, updated_at)
                        values (:survey, :institution, :region, :status,
                            case when :status = 'SUBMITTED' then current_date end,
                            case when :status = 'SUBMITTED' then now() end, now(), now())""")
                .param("survey", survey)
                .param("institution", institution)
                .param("region", region)
                .param("status", status)
                .update();
    }

    /** The active accounts holding one of the roles, regional ones only in the regions (all when empty). */
    List<String> holders(List<String> roles, List<Long> regions) {
        return jdbc.sql("""
                        select distinct lower(a.email) from account a join role_assignment r on r.account_id = a.id
                        where a.status = 'ACTIVE' and r.role in (:roles)
                          and (r.role not in ('REGIONAL_COORDINATOR', 'COMMITTEE_MEMBER')
                               or cardinality(cast(:regions as bigint[])) = 0 or r.region_id = any(cast(:regions as bigint[])))
                        """)
                .param("roles", roles)
                .param("regions", "{" + regions.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}")
                .query(String.class)
                .list();
    }

    void deleteSurvey(long survey) {
        jdbc.sql("delete from surveys_survey where id = :id")
                .param("id", survey)
                .update();
    }
}
