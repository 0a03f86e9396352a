package pl.koordes.surveys.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.surveys.ResponseMode;

/**
 * The people a survey's invitations and reminders go to, and whether each has answered: every active
 * account holding an audience role, as {@link SurveyAudience#respondent} would see them when signed in
 * (regional roles only in the audience regions, the audience kinds of institution, and in a survey answered
 * per institution only people who answer for one). "Anyone with the link" adds nobody: the link is for
 * people the operator does not know. Read in at most three statements, whatever the number of people and
 * answers (the ROPS of each region, the role holders, the answers).
 */
@Component
public class InvitationsAudience {

    /**
     * One person of the audience.
     *
     * @param regionId the region their answer counts for (a regional role), else null
     * @param institutionId the institution they answer for (INSTITUTION mode), else null
     * @param answered whether they (PERSON mode) or their institution (INSTITUTION mode) has submitted
     * @param draft whether a saved, not yet submitted answer waits for them or their institution
     */
    public record Member(
            long accountId,
            String email,
            String language,
            @Nullable Long regionId,
            @Nullable Long institutionId,
            boolean answered,
            boolean draft) {}

    private final JdbcClient jdbc;
    private final Directory directory;

    InvitationsAudience(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Everyone the survey's mail goes to, by account id. */
    @Transactional(readOnly = true)
    public List<Member> members(Survey survey) {
        if (survey.audienceRoles().isEmpty()) {
            return List.of();
        }
        Map<Long, Long> centres =
                survey.responseMode() == ResponseMode.INSTITUTION ? directory.regionalCentres() : Map.of();
        Map<Long, Holder> holders = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.email, a.language, r.role, r.region_id, r.institution_id
                        from account a join role_assignment r on r.account_id = a.id
                        where a.status = 'ACTIVE' and r.role in (:roles)
                        order by a.id, r.id
                        """)
                .param("roles", survey.audienceRoles().stream().map(Role::name).toList())
                .query(rs -> {
                    long accountId = rs.getLong(1);
                    Holder holder = holders.get(accountId);
                    if (holder == null) {
                        holder = new Holder(accountId, rs.getString(2), rs.getString(3), new ArrayList<>());
                        holders.put(accountId, holder);
                    }
                    holder.roles().add(new RoleAssignment(Role.valueOf(rs.getString(4)), (Long) rs.getObject(5), (Long)
                            rs.getObject(6)));
                });
        Answers answers = answers(survey.id());
        List<Member> members = new ArrayList<>();
        for (Holder holder : holders.values()) {
            respondent(survey, holder.roles(), centres).ifPresent(as -> {
                boolean institution = survey.responseMode() == ResponseMode.INSTITUTION;
                Long institutionId = as.institutionId();
                boolean answered = institution
                        ? institutionId != null && answers.institutions().contains(institutionId)
                        : answers.people().contains(holder.accountId());
                boolean draft = institution
                        ? institutionId != null && answers.institutionDrafts().contains(institutionId)
                        : answers.peopleDrafts().contains(holder.accountId());
                members.add(new Member(
                        holder.accountId(),
                        holder.email(),
                        holder.language(),
                        as.regionId(),
                        institutionId,
                        answered,
                        draft));
            });
        }
        return members;
    }

    /**
     * How a person holding these roles answers the survey: {@link SurveyAudience#respondent}'s rule, with the
     * regions' ROPS read once for everyone instead of once per person.
     */
    static Optional<As> respondent(Survey survey, List<RoleAssignment> roles, Map<Long, Long> centres) {
        // The mail goes only to the roles' audience, never to "anyone with the link"; the account is not needed.
        return SurveyAudience.respondent(survey, 0, roles, false, centres)
                .map(respondent -> new As(respondent.regionId(), respondent.institutionId()));
    }

    /** Who has answered and who has a draft, read in one statement. */
    private Answers answers(long surveyId) {
        Answers answers = new Answers(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        // An anonymous survey's submitted answer has no account: its participation row says who took part.
        jdbc.sql("""
                        select account_id, institution_id, status from surveys_response
                        where survey_id = :survey and (account_id is not null or institution_id is not null)
                        union all
                        select account_id, null, 'SUBMITTED' from surveys_participation where survey_id = :survey
                        """).param("survey", surveyId).query(rs -> {
            Long account = (Long) rs.getObject(1);
            Long institution = (Long) rs.getObject(2);
            boolean submitted = "SUBMITTED".equals(rs.getString(3));
            if (account != null) {
                (submitted ? answers.people() : answers.peopleDrafts()).add(account);
            }
            if (institution != null) {
                (submitted ? answers.institutions() : answers.institutionDrafts()).add(institution);
            }
        });
        return answers;
    }

    /** The region and institution a person answers for. */
    record As(@Nullable Long regionId, @Nullable Long institutionId) {}

    private record Holder(long accountId, String email, String language, List<RoleAssignment> roles) {}

    private record Answers(
            Set<Long> people, Set<Long> peopleDrafts, Set<Long> institutions, Set<Long> institutionDrafts) {}
}
