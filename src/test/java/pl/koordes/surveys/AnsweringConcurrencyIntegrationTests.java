package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.IntegrationTest;
import pl.koordes.surveys.AnsweringTesting.Made;
import pl.koordes.surveys.AnsweringTesting.Settings;
import pl.koordes.surveys.internal.AnsweringManagement;

/**
 * Answers given at the same moment, each in its own transaction: two coordinators of one region submitting the
 * region's one answer at once leave exactly one submitted answer (the other is told it was sent already);
 * two saving the shared draft at once leave one draft and refuse the other as stale; one person submitting an
 * anonymous survey ten times at once leaves one answer and one participation. What keeps them apart is the
 * survey's lock, the response's version and the partial unique indexes, not a check two transactions could
 * both pass.
 */
@IntegrationTest
class AnsweringConcurrencyIntegrationTests {

    @Autowired
    AnsweringManagement answering;

    @Autowired
    JdbcClient jdbc;

    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        made.forEach(id -> AnsweringTesting.delete(jdbc, id));
    }

    private Made survey(Settings settings) {
        Made survey = AnsweringTesting.survey(jdbc, AnsweringTesting.unique("Ankieta naraz"), settings);
        made.add(survey.survey());
        return survey;
    }

    private static CurrentUser coordinator(long account, long region) {
        return new CurrentUser(
                account,
                "koordynator" + account + "@test.koordes.example",
                "Koordynator " + account,
                List.of(new RoleAssignment(Role.REGIONAL_COORDINATOR, region, null)),
                "pl");
    }

    private static CurrentUser participant(long account) {
        return new CurrentUser(
                account,
                "osoba" + account + "@test.koordes.example",
                "Osoba " + account,
                List.of(new RoleAssignment(Role.PARTICIPANT, null, null)),
                "pl");
    }

    private static Map<String, List<String>> form(Made survey, long region) {
        List<String> pairs =
                AnsweringTesting.with(AnsweringTesting.complete(survey), "wojewodztwo", Long.toString(region));
        pairs = AnsweringTesting.with(pairs, "rodzaj", "NGO");
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            parameters.computeIfAbsent(pairs.get(i), k -> new ArrayList<>()).add(pairs.get(i + 1));
        }
        return parameters;
    }

    /** True when the save went through, false when it was refused as a conflict. */
    private boolean save(CurrentUser user, Made survey, long region, boolean submit) {
        try {
            answering.save(user, survey.survey(), false, form(survey, region), null, submit);
            return true;
        } catch (Refused refused) {
            assertThat(refused.kind()).isEqualTo(Refused.Kind.CONFLICT);
            assertThat(refused.messageKey()).isIn("surveys.answering.alreadySubmitted", "surveys.answering.stale");
            return false;
        }
    }

    private int count(String sql, long survey) {
        return jdbc.sql(sql).param("s", survey).query(Integer.class).single();
    }

    @Test
    void twoCoordinatorsOfOneRegionSubmittingAtOnceLeaveExactlyOneAnswer() throws Exception {
        Made survey = survey(Settings.open().mode("INSTITUTION").roles("{REGIONAL_COORDINATOR}"));
        long region = AnsweringTesting.region(jdbc, "lubelskie");
        CurrentUser first = coordinator(9_600_001, region);
        CurrentUser second = coordinator(9_600_002, region);

        List<Boolean> results =
                atOnce(List.of(() -> save(first, survey, region, true), () -> save(second, survey, region, true)));

        assertThat(results).containsExactlyInAnyOrder(true, false);
        assertThat(count("select count(*) from surveys_response where survey_id = :s", survey.survey()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from surveys_response where survey_id = :s and status = 'SUBMITTED'",
                        survey.survey()))
                .isEqualTo(1);
        assertThat(count("""
                        select count(*) from audit_entry where action = 'SURVEY_ANSWER_SUBMITTED'
                        and target_id = cast(:s as text)""", survey.survey())).isEqualTo(1);
    }

    @Test
    void twoCoordinatorsSavingTheSharedDraftAtOnceKeepOneAndRefuseTheOtherAsStale() throws Exception {
        Made survey = survey(Settings.open().mode("INSTITUTION").roles("{REGIONAL_COORDINATOR}"));
        long region = AnsweringTesting.region(jdbc, "podlaskie");
        List<Callable<Boolean>> saves = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CurrentUser coordinator = coordinator(9_600_100 + i, region);
            saves.add(() -> save(coordinator, survey, region, false));
        }

        List<Boolean> results = atOnce(saves);

        assertThat(results).containsOnlyOnce(true);
        assertThat(count("select count(*) from surveys_response where survey_id = :s", survey.survey()))
                .isEqualTo(1);
    }

    @Test
    void onePersonSubmittingAnAnonymousSurveyTenTimesAtOnceLeavesOneAnswer() throws Exception {
        Made survey = survey(Settings.open().secret());
        long region = AnsweringTesting.region(jdbc, "opolskie");
        CurrentUser person = participant(9_600_200);
        List<Callable<Boolean>> submissions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            submissions.add(() -> save(person, survey, region, true));
        }

        List<Boolean> results = atOnce(submissions);

        assertThat(results).containsOnlyOnce(true);
        assertThat(count("select count(*) from surveys_response where survey_id = :s", survey.survey()))
                .isEqualTo(1);
        assertThat(count("select count(*) from surveys_participation where survey_id = :s", survey.survey()))
                .isEqualTo(1);
    }

    /** Runs every task at the same moment (a latch releases them together) and waits for all. */
    private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ready.getCount() == 0);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
