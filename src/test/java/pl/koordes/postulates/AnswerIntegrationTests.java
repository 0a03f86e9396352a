package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;

/**
 * Answers on the running application, each case rolled back: only the addressee's people answer (another
 * institution 403 and nothing saved), a draft or a postulate not yet forwarded is refused, "w analizie"
 * needs a new date in the future, every answer and correction is a version and the earlier ones stay
 * visible, a document is checked by its content and downloadable by anyone, and hostile text is never a
 * 500 and always escaped.
 */
@IntegrationTest
class AnswerIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    AnswersTesting t;
    UserDetails ministry;
    UserDetails funds;
    UserDetails editor;
    long forwarded;

    @BeforeEach
    void setUp() {
        t = new AnswersTesting(
                MockMvcBuilders.webAppContextSetup(context)
                        .apply(SecurityMockMvcConfigurers.springSecurity())
                        .build(),
                jdbc,
                transactions);
        ministry = users.loadUserByUsername(DemoAccounts.CENTRAL_INSTITUTION);
        funds = users.loadUserByUsername(DemoAccounts.CENTRAL_INSTITUTION_OTHER);
        editor = users.loadUserByUsername(DemoAccounts.EDITOR);
        forwarded = t.postulate("malopolskie", "FORWARDED", "MRPiPS");
    }

    @Test
    void anotherInstitutionIsRefusedAndNothingIsSaved() {
        t.inRolledBackTransaction(() -> {
            String path = "/postulaty/" + forwarded + "/odpowiedz";
            assertThat(t.as(funds, get(path)).getStatus()).isEqualTo(403);
            assertThat(t.as(
                                    funds,
                                    post(path)
                                            .param("answerStatus", "ACCEPTED")
                                            .param("answerText", "Nie nasza sprawa, ale przyjmujemy.")
                                            .param("seenVersion", "0"))
                            .getStatus())
                    .isEqualTo(403);
            assertThat(t.as(
                                    editor,
                                    post(path)
                                            .param("answerStatus", "ACCEPTED")
                                            .param("answerText", "Redakcja nie odpowiada za ministerstwo.")
                                            .param("seenVersion", "0"))
                            .getStatus())
                    .isEqualTo(403);
            assertThat(t.count("select count(*) from postulates_answer where postulate_id = :id", forwarded))
                    .isZero();
            assertThat(t.status(forwarded)).isEqualTo("FORWARDED");
            // The MFiPR person's own inbox does not list it.
            assertThat(t.as(funds, get("/postulaty/do-odpowiedzi")).getContentAsString(StandardCharsets.UTF_8))
                    .doesNotContain("/postulaty/" + forwarded + "\"");
        });
    }

    @Test
    void aDraftOrASubmittedPostulateCannotBeAnswered() {
        long draft = t.postulate("malopolskie", "DRAFT", "MRPiPS");
        long submitted = t.postulate("malopolskie", "SUBMITTED", "MRPiPS");
        t.inRolledBackTransaction(() -> {
            assertThat(t.as(ministry, get("/postulaty/" + draft + "/odpowiedz")).getStatus())
                    .isEqualTo(404);
            assertThat(t.as(
                                    ministry,
                                    post("/postulaty/" + draft + "/odpowiedz")
                                            .param("answerStatus", "ACCEPTED")
                                            .param("answerText", "Tekst")
                                            .param("seenVersion", "0"))
                            .getStatus())
                    .isEqualTo(404);
            assertThat(t.as(ministry, get("/postulaty/" + submitted + "/odpowiedz"))
                            .getStatus())
                    .isEqualTo(409);
            assertThat(t.as(
                                    ministry,
                                    post("/postulaty/" + submitted + "/odpowiedz")
                                            .param("answerStatus", "ACCEPTED")
                                            .param("answerText", "Tekst")
                                            .param("seenVersion", "0"))
                            .getStatus())
                    .isEqualTo(409);
            assertThat(t.count("select count(*) from postulates_answer where postulate_id = :id", submitted))
                    .isZero();
        });
    }

    @Test
    void inAnalysisNeedsANewDateInTheFutureAndKeepsThePostulateWaiting() {
        String path = "/postulaty/" + forwarded + "/odpowiedz";
        t.inRolledBackTransaction(() -> {
            MockHttpServletResponse noDate = t.as(
                    ministry,
                    post(path)
                            .param("answerStatus", "IN_ANALYSIS")
                            .param("answerText", "Analizujemy zgłoszenie.")
                            .param("seenVersion", "0"));
            assertThat(noDate.getStatus()).isEqualTo(422);
            String page = noDate.getContentAsString(StandardCharsets.UTF_8);
            assertThat(page)
                    .contains("error-summary")
                    .contains("Przy stanowisku „w analizie” podaj nowy termin ostatecznej odpowiedzi.")
                    .contains("Analizujemy zgłoszenie.");
            assertThat(t.as(
                                    ministry,
                                    post(path)
                                            .param("answerStatus", "IN_ANALYSIS")
                                            .param("answerText", "Analizujemy zgłoszenie.")
                                            .param(
                                                    "answerNewDue",
                                                    AnswersTesting.today().toString())
                                            .param("seenVersion", "0"))
                            .getStatus())
                    .isEqualTo(422);
            assertThat(t.count("select count(*) from postulates_answer where postulate_id = :id", forwarded))
                    .isZero();
            var due = AnswersTesting.today().plusDays(40);
            MockHttpServletResponse saved = t.as(
                    ministry,
                    post(path)
                            .param("answerStatus", "IN_ANALYSIS")
                            .param("answerText", "Analizujemy zgłoszenie.")
                            .param("answerNewDue", due.toString())
                            .param("seenVersion", "0"));
            assertThat(saved.getStatus()).isEqualTo(302);
            assertThat(t.status(forwarded)).isEqualTo("IN_ANALYSIS");
            assertThat(jdbc.sql("select answer_due from postulates_postulate where id = :id")
                            .param("id", forwarded)
                            .query(LocalDate.class)
                            .single())
                    .isEqualTo(due);
            // Still waiting for a final answer: the institution answers again, as version 2.
            assertThat(t.as(
                                    ministry,
                                    post(path)
                                            .param("answerStatus", "ACCEPTED")
                                            .param("answerText", "Po analizie przyjmujemy.")
                                            .param("seenVersion", "1"))
                            .getStatus())
                    .isEqualTo(302);
            assertThat(t.status(forwarded)).isEqualTo("ACCEPTED");
            assertThat(t.audits("POSTULATE_ANSWERED", forwarded)).isEqualTo(2);
        });
    }

    @Test
    void aCorrectionIsANewVersionAndEarlierVersionsStayVisible() {
        String path = "/postulaty/" + forwarded + "/odpowiedz";
        t.inRolledBackTransaction(() -> {
            assertThat(t.as(ministry, get(path + "?korekta=tak")).getStatus()).isEqualTo(200);
            assertThat(t.as(
                                    ministry,
                                    post(path)
                                            .param("answerStatus", "REJECTED")
                                            .param("answerText", "Pierwsza wersja: odrzucamy.")
                                            .param("seenVersion", "0"))
                            .getStatus())
                    .isEqualTo(302);
            // A final answer is not answered again, only corrected.
            assertThat(t.as(ministry, get(path)).getStatus()).isEqualTo(409);
            assertThat(t.as(
                                    ministry,
                                    post(path)
                                            .param("answerStatus", "ACCEPTED")
                                            .param("answerText", "Druga odpowiedź bez korekty.")
                                            .param("seenVersion", "1"))
                            .getStatus())
                    .isEqualTo(409);
            assertThat(t.as(ministry, get(path + "?korekta=tak")).getContentAsString(StandardCharsets.UTF_8))
                    .contains("Korekta odpowiedzi");
            // A stale form (it saw no answer) is a conflict, not a silent second version 1.
            assertThat(t.as(
                                    ministry,
                                    post(path)
                                            .param("answerStatus", "PARTLY_ACCEPTED")
                                            .param("answerText", "Nieaktualny formularz.")
                                            .param("correction", "true")
                                            .param("seenVersion", "0"))
                            .getStatus())
                    .isEqualTo(409);
            assertThat(t.as(
                                    ministry,
                                    post(path)
                                            .param("answerStatus", "PARTLY_ACCEPTED")
                                            .param("answerText", "Poprawiona wersja: przyjmujemy częściowo.")
                                            .param("correction", "true")
                                            .param("seenVersion", "1"))
                            .getStatus())
                    .isEqualTo(302);
            assertThat(t.status(forwarded)).isEqualTo("PARTLY_ACCEPTED");
            assertThat(jdbc.sql(
                                    "select version || ':' || correction from postulates_answer where postulate_id = :id order by version")
                            .param("id", forwarded)
                            .query(String.class)
                            .list())
                    .containsExactly("1:false", "2:true");
            assertThat(t.audits("POSTULATE_ANSWER_CORRECTED", forwarded)).isEqualTo(1);
            assertThat(t.count(
                            "select count(*) from postulates_step where postulate_id = :id and kind = 'ANSWER_CORRECTED'",
                            forwarded))
                    .isEqualTo(1);
            String page = t.anonymous(get("/postulaty/" + forwarded)).getContentAsString(StandardCharsets.UTF_8);
            assertThat(page)
                    .contains("Poprawiona wersja: przyjmujemy częściowo.")
                    .contains("Wersje odpowiedzi")
                    .contains("Pierwsza wersja: odrzucamy.")
                    .contains("korekta");
            assertThat(t.as(ministry, get("/postulaty/" + forwarded)).getContentAsString(StandardCharsets.UTF_8))
                    .contains("Popraw odpowiedź");
        });
    }

    @Test
    void aDocumentIsCheckedByItsContentAndPublicWithThePostulate() {
        String path = "/postulaty/" + forwarded + "/odpowiedz";
        t.inRolledBackTransaction(() -> {
            MockMultipartFile fake = new MockMultipartFile(
                    "answerDocument",
                    "odpowiedz.pdf",
                    "application/pdf",
                    "<html>nie PDF</html>".getBytes(StandardCharsets.UTF_8));
            MockHttpServletResponse refused = t.as(
                    ministry,
                    multipart(path)
                            .file(fake)
                            .param("answerStatus", "ACCEPTED")
                            .param("answerText", "Z dokumentem.")
                            .param("seenVersion", "0"));
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Dołącz plik PDF, DOCX lub ODT.");
            MockMultipartFile pdf = new MockMultipartFile(
                    "answerDocument",
                    "../Stanowisko ministra.pdf",
                    "application/octet-stream",
                    "%PDF-1.4\n%stanowisko\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(t.as(
                                    ministry,
                                    multipart(path)
                                            .file(pdf)
                                            .param("answerStatus", "ACCEPTED")
                                            .param("answerText", "Z dokumentem.")
                                            .param("seenVersion", "0"))
                            .getStatus())
                    .isEqualTo(302);
            MockHttpServletResponse download = t.anonymous(get("/postulaty/" + forwarded + "/odpowiedzi/1/dokument"));
            assertThat(download.getStatus()).isEqualTo(200);
            assertThat(download.getContentType()).startsWith("application/pdf");
            assertThat(download.getHeader("Content-Disposition")).contains("Stanowisko ministra.pdf");
            assertThat(t.anonymous(get("/postulaty/" + forwarded + "/odpowiedzi/2/dokument"))
                            .getStatus())
                    .isEqualTo(404);
        });
    }

    @Test
    void hostileTextIsNeverAnErrorAndAlwaysEscaped() {
        String path = "/postulaty/" + forwarded + "/odpowiedz";
        List<String> strings = NaughtyStrings.payloadsAnd(List.of("<script>alert('odpowiedz')</script>"));
        List<String> failures = new ArrayList<>();
        for (String hostile : strings) {
            t.inRolledBackTransaction(() -> {
                MockHttpServletResponse answer = t.as(
                        ministry,
                        post(path)
                                .param("answerStatus", "REJECTED")
                                .param("answerText", hostile)
                                .param("seenVersion", "0"));
                if (answer.getStatus() != 302 && answer.getStatus() != 422) {
                    failures.add(answer.getStatus() + " for " + hostile);
                }
                if (answer.getStatus() == 422
                        && answer.getContentAsString(StandardCharsets.UTF_8).contains("<script>alert(")) {
                    failures.add("unescaped in the form for " + hostile);
                }
                if (answer.getStatus() == 302) {
                    String page =
                            t.anonymous(get("/postulaty/" + forwarded)).getContentAsString(StandardCharsets.UTF_8);
                    if (page.contains("<script>alert(")) {
                        failures.add("unescaped on the page for " + hostile);
                    }
                }
            });
        }
        assertThat(failures).isEmpty();
    }
}
