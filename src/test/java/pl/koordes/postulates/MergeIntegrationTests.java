package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Merging duplicates, each case rolled back: asked first, then the signatures of both are kept on the
 * target (one per region), endorsements and followers move too, the old address answers 301 to the
 * target, both timelines and the audit say so; merging into itself, into a draft, a merged or a
 * withdrawn postulate, or back along a merge is refused.
 */
@IntegrationTest
class MergeIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    AnswersTesting t;
    UserDetails editor;

    @BeforeEach
    void setUp() {
        t = new AnswersTesting(
                MockMvcBuilders.webAppContextSetup(context)
                        .apply(SecurityMockMvcConfigurers.springSecurity())
                        .build(),
                jdbc,
                transactions);
        editor = users.loadUserByUsername(DemoAccounts.EDITOR);
    }

    @Test
    void theSignaturesOfBothAreKeptAndTheOldAddressLeadsToTheTarget() {
        List<Long> submitted = jdbc.sql("""
                        select p.id from postulates_postulate p where p.status = 'SUBMITTED'
                        and exists (select 1 from postulates_signature s where s.postulate_id = p.id and s.withdrawn_at is null)
                        order by p.id""").query(Long.class).list();
        assertThat(submitted).hasSizeGreaterThanOrEqualTo(2);
        long source = submitted.get(0);
        long target = submitted.get(1);
        t.inRolledBackTransaction(() -> {
            List<Long> regions = jdbc.sql("""
                            select distinct region_id from (
                                select region_id from postulates_signature where withdrawn_at is null and postulate_id in (:s, :t)
                                union all select region_id from postulates_postulate where id = :s)
                            x where region_id <> (select region_id from postulates_postulate where id = :t)
                            order by region_id""")
                    .param("s", source)
                    .param("t", target)
                    .query(Long.class)
                    .list();
            List<Long> endorsers = jdbc.sql("""
                            select distinct account_id from postulates_endorsement where postulate_id in (:s, :t) order by 1""")
                    .param("s", source)
                    .param("t", target)
                    .query(Long.class)
                    .list();

            MockHttpServletResponse question =
                    t.as(editor, get("/postulaty/" + source + "/polacz?mergeTarget=" + target));
            assertThat(question.getStatus()).isEqualTo(200);
            assertThat(question.getContentAsString(StandardCharsets.UTF_8)).contains("Tak, połącz postulaty");
            MockHttpServletResponse unconfirmed =
                    t.as(editor, post("/postulaty/" + source + "/polacz").param("mergeTarget", String.valueOf(target)));
            assertThat(unconfirmed.getStatus()).isEqualTo(302);
            assertThat(unconfirmed.getRedirectedUrl()).contains("/polacz?mergeTarget=" + target);
            assertThat(t.status(source)).isEqualTo("SUBMITTED");

            MockHttpServletResponse merged = t.as(
                    editor,
                    post("/postulaty/" + source + "/polacz")
                            .param("mergeTarget", String.valueOf(target))
                            .param("potwierdzenie", "tak"));
            assertThat(merged.getStatus()).isEqualTo(302);
            assertThat(t.status(source)).isEqualTo("MERGED");
            assertThat(jdbc.sql("""
                            select region_id from postulates_signature where postulate_id = :t and withdrawn_at is null
                            order by region_id""").param("t", target).query(Long.class).list())
                    .containsExactlyElementsOf(regions);
            assertThat(jdbc.sql("select account_id from postulates_endorsement where postulate_id = :t order by 1")
                            .param("t", target)
                            .query(Long.class)
                            .list())
                    .containsExactlyElementsOf(endorsers);
            MockHttpServletResponse old = t.anonymous(get("/postulaty/" + source));
            assertThat(old.getStatus()).isEqualTo(301);
            assertThat(old.getRedirectedUrl()).endsWith("/postulaty/" + target);
            assertThat(t.count(
                            "select count(*) from postulates_step where postulate_id = :id and kind = 'MERGED'",
                            source))
                    .isEqualTo(1);
            assertThat(t.count(
                            "select count(*) from postulates_step where postulate_id = :id and kind = 'MERGED_IN'",
                            target))
                    .isEqualTo(1);
            assertThat(t.audits("POSTULATE_MERGED", source)).isEqualTo(1);
            assertThat(t.audits("POSTULATE_MERGED", target)).isEqualTo(1);

            // Back along the merge, into a merged one: refused.
            assertThat(t.as(
                                    editor,
                                    post("/postulaty/" + target + "/polacz")
                                            .param("mergeTarget", String.valueOf(source))
                                            .param("potwierdzenie", "tak"))
                            .getStatus())
                    .isEqualTo(422);
            assertThat(t.status(target)).isEqualTo("SUBMITTED");
        });
    }

    @Test
    void mergingIntoItselfADraftOrAWithdrawnPostulateIsRefused() {
        long source = t.postulate("malopolskie", "SUBMITTED", "MRPiPS");
        long draft = t.postulate("malopolskie", "DRAFT", "MRPiPS");
        long withdrawn = jdbc.sql("select min(id) from postulates_postulate where status = 'WITHDRAWN'")
                .query(Long.class)
                .single();
        t.inRolledBackTransaction(() -> {
            for (long target : List.of(source, draft, withdrawn, 987654321L)) {
                MockHttpServletResponse refused = t.as(
                        editor,
                        post("/postulaty/" + source + "/polacz")
                                .param("mergeTarget", String.valueOf(target))
                                .param("potwierdzenie", "tak"));
                assertThat(refused.getStatus()).as("into " + target).isEqualTo(422);
                assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("error-summary");
            }
            assertThat(t.as(editor, get("/postulaty/" + source + "/polacz?mergeTarget=abc"))
                            .getStatus())
                    .isEqualTo(422);
            assertThat(t.status(source)).isEqualTo("SUBMITTED");
        });
    }
}
