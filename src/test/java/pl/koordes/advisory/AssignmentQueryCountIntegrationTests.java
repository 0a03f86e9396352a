package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The expert chooser and the operator's list of experts run the same statements with the two demo experts and
 * with 30 more, each covering topics and regions, assigned to cases and with sessions this year: every expert's
 * load is read in one statement. Counted on the request threads only.
 */
@IntegrationTest
@Import(TestExtensions.class)
class AssignmentQueryCountIntegrationTests {

    private static final String PREFIX = "Test liczenia przydziału";
    private static final String EMAIL = "ekspert.liczony.";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    AssignmentTesting testing;

    @BeforeEach
    void setUp() {
        testing = new AssignmentTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("""
                        delete from advisory_assignment where account_id in (select id from account where email like :e);
                        delete from role_assignment where account_id in (select id from account where email like :e);
                        delete from account where email like :e
                        """).param("e", EMAIL + "%").update();
        testing.cleanUp(PREFIX);
    }

    @Test
    void theChooserAndTheListDoNotGrowWithExpertsOrCases() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.30.50");
        long id = testing.accepted("malopolskie", PREFIX + ": sprawa", "6");
        List<String> paths = List.of("/doradztwo/" + id + "/eksperci", "/doradztwo/eksperci");
        paths.forEach(editor::get);
        int chooser = statementsFor(editor, paths.get(0));
        List<String> chooserStatements = statements.statements();
        int list = statementsFor(editor, paths.get(1));
        List<String> listStatements = statements.statements();
        assertThat(chooser).isPositive().isLessThanOrEqualTo(12);
        assertThat(list).isPositive().isLessThanOrEqualTo(8);

        for (int i = 0; i < 30; i++) {
            long expert = jdbc.sql("""
                            insert into account (email, display_name, status, language) values (:e, :n, 'ACTIVE', 'pl')
                            returning id
                            """)
                    .param("e", EMAIL + i + "@test.koordes.example")
                    .param("n", "Ekspert liczony " + i)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into role_assignment (account_id, role) values (:a, 'EXPERT');
                            insert into advisory_expert_topic (account_id, topic_id) select :a, id from advisory_topic;
                            insert into advisory_expert_region (account_id, region_id) select :a, id from region where id % 3 = 0
                            """).param("a", expert).update();
            long other = testing.accepted("malopolskie", PREFIX + ": sprawa " + i, "6");
            testing.assign(other, expert);
            testing.session(other, expert, "1,5".replace(',', '.'), null);
        }
        assertThat(editor.get(paths.get(1)).body()).contains("Ekspert liczony 29");
        assertThat(statementsFor(editor, paths.get(0)))
                .as("%s, then %s", chooserStatements, statements.statements())
                .isEqualTo(chooser);
        assertThat(statementsFor(editor, paths.get(1)))
                .as("%s, then %s", listStatements, statements.statements())
                .isEqualTo(list);
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.pageStatements().size();
    }
}
