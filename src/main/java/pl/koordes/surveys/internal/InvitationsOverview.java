package pl.koordes.surveys.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.security.Role;
import pl.koordes.surveys.ResponseMode;
import pl.koordes.surveys.SurveyPhase;

/**
 * What the operator's invitations page shows: the audience, who has answered (in all and per region), the
 * rounds sent and when the automatic reminder goes. A fixed number of statements, whatever the size of the
 * audience and the number of answers.
 */
@Component
public class InvitationsOverview {

    /**
     * The page's numbers.
     *
     * @param audience the people the mail goes to
     * @param answered those of them who (or whose institution) submitted an answer
     * @param institutions the institutions answering (INSTITUTION mode), else 0
     * @param institutionsAnswered those of them that submitted their answer
     * @param regions per region (a null region: people whose role is not regional), in the directory's order
     * @param reminderDay the day of the automatic reminder (null while the survey has no closing time)
     */
    public record Overview(
            Survey survey,
            SurveyPhase phase,
            int audience,
            int answered,
            int institutions,
            int institutionsAnswered,
            List<RegionLine> regions,
            List<InvitationsMailings.Round> rounds,
            @Nullable LocalDate reminderDay,
            LocalDate today) {

        public int notAnswered() {
            return audience - answered;
        }

        public boolean open() {
            return phase == SurveyPhase.OPEN;
        }

        public boolean perInstitution() {
            return survey.responseMode() == ResponseMode.INSTITUTION;
        }

        /** Whether the survey also takes answers from anyone with its link (they are not mailed). */
        public boolean link() {
            return survey.audienceLink();
        }

        /** Whether a round of this kind went today (a second one today sends nothing). */
        public boolean sentToday(MailingKind kind) {
            return rounds.stream().anyMatch(r -> r.kind() == kind && r.sentOn().equals(today));
        }

        /** Whether the automatic reminder's day is still to come. */
        public boolean reminderAhead() {
            return reminderDay != null && today.isBefore(reminderDay);
        }
    }

    /** One region's line; a null region collects the people whose role is not tied to one. */
    public record RegionLine(@Nullable Region region, int audience, int answered) {

        public int notAnswered() {
            return audience - answered;
        }
    }

    private final SurveyStore store;
    private final InvitationsAudience audience;
    private final InvitationsMailings mailings;
    private final Directory directory;
    private final Clock clock;

    InvitationsOverview(
            SurveyStore store,
            InvitationsAudience audience,
            InvitationsMailings mailings,
            Directory directory,
            Clock clock) {
        this.store = store;
        this.audience = audience;
        this.mailings = mailings;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Overview> of(long surveyId) {
        return store.find(surveyId).map(this::of);
    }

    private Overview of(Survey survey) {
        Instant now = clock.instant();
        List<InvitationsAudience.Member> members = audience.members(survey);
        Map<@Nullable Long, int[]> byRegion = new HashMap<>();
        int answered = 0;
        Set<Long> institutions = new HashSet<>();
        Set<Long> institutionsAnswered = new HashSet<>();
        for (InvitationsAudience.Member member : members) {
            int[] counts = byRegion.computeIfAbsent(member.regionId(), k -> new int[2]);
            counts[0]++;
            if (member.answered()) {
                counts[1]++;
                answered++;
            }
            Long institution = member.institutionId();
            if (institution != null) {
                institutions.add(institution);
                if (member.answered()) {
                    institutionsAnswered.add(institution);
                }
            }
        }
        boolean regional = survey.audienceRoles().stream().anyMatch(Role::regional);
        List<RegionLine> lines = new ArrayList<>();
        for (Region region : directory.regions()) {
            int[] counts = byRegion.get(region.id());
            boolean inAudience = regional
                    && (survey.audienceRegions().isEmpty()
                            || survey.audienceRegions().contains(region.id()));
            if (counts != null || inAudience) {
                lines.add(new RegionLine(region, counts == null ? 0 : counts[0], counts == null ? 0 : counts[1]));
            }
        }
        int[] national = byRegion.get(null);
        if (national != null) {
            lines.add(new RegionLine(null, national[0], national[1]));
        }
        return new Overview(
                survey,
                survey.phase(now),
                members.size(),
                answered,
                institutions.size(),
                institutionsAnswered.size(),
                lines,
                mailings.rounds(survey.id()),
                survey.closesAt() == null ? null : mailings.reminderDay(survey),
                mailings.today(now));
    }
}
