package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.internal.KeptWorkspaces;
import pl.koordes.events.MaterialSamples;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.Multipart;
import pl.koordes.support.SignedInClient;

/**
 * Every form that creates something, sent twice at once with the same key (a double click): exactly one
 * record is created and both sendings answer the same redirect, never a 500; a form that came back with
 * errors can be sent again with its key; the key means nothing in another session.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnceOnlySubmissionsIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");
    private static final Pattern ONCE = Pattern.compile("<input type=\"hidden\" name=\"_once\" value=\"([^\"]+)\">");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeptWorkspaces workspaces;

    @Autowired
    OnceOnlySubmissions submissions;

    private final Map<String, SignedInClient> clients = new HashMap<>();
    private final String run = Long.toString(System.nanoTime(), 36);
    private long event;
    private long person;
    private long committee;
    private LocalDate committeeStart = LocalDate.of(2026, 1, 1);
    private long coordinationCommittee;
    private LocalDate coordinationStart = LocalDate.of(2026, 1, 1);

    /** A file sent with a multipart form. */
    record Upload(String field, String name, String contentType, byte[] data) {}

    /**
     * One form kind: who sends it, the page showing it, where it posts, its fields (valid, and with an
     * error), the count of what it creates (with {@code :m} bound to {@code mark}) and the file it carries.
     */
    record Form(
            String account,
            String page,
            String action,
            Map<String, String> valid,
            Map<String, String> invalid,
            String count,
            String mark,
            @Nullable Upload upload) {}

    static Stream<String> kinds() {
        return Stream.of(
                "article",
                "quote",
                "partner",
                "image",
                "event",
                "participant",
                "material",
                "institution",
                "macroregion",
                "committee",
                "committee member",
                "coordination member",
                "invitation",
                "role",
                "banned phrase");
    }

    @BeforeAll
    void records() {
        // An event to add participants and materials to, and a person to grant a role to, made through
        // their own forms.
        SignedInClient editor = client(DemoAccounts.EDITOR);
        HttpResponse<String> created =
                send(editor, form("event", "setup"), page(editor, "/organizacja/wydarzenia/nowe"));
        assertThat(created.statusCode()).isEqualTo(302);
        event = idAtEnd(SignedInClient.location(created));
        SignedInClient admin = client(DemoAccounts.ADMINISTRATOR);
        HttpResponse<String> invited = send(admin, form("invitation", "setup"), page(admin, "/admin/osoby/zapros"));
        assertThat(invited.statusCode()).isEqualTo(302);
        person = idAtEnd(SignedInClient.location(invited));
        committee = committeeOf("podlaskie");
        committeeStart = startOf(committee);
        coordinationCommittee = committeeOf("malopolskie");
        coordinationStart = startOf(coordinationCommittee);
    }

    @AfterAll
    void removeWhatWasCreated() {
        String like = "%" + run + "%";
        for (String delete : List.of(
                "delete from partner where name like :m",
                "delete from motto_quote where text like :m",
                "delete from macroregion where name_pl like :m",
                "delete from institution where name like :m",
                "delete from committee_membership where full_name like :m",
                "delete from committee where name like :m",
                "delete from comments_banned_phrase where phrase like :m")) {
            jdbc.sql(delete).param("m", like).update();
        }
        // Deleted past the write paths, which would have told the coordinators' workspaces kept in memory.
        workspaces.forget();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void sentTwiceAtOnceWithItsKeyTheFormCreatesOnceAndBothAnswersRedirectToTheSamePlace(String kind) throws Exception {
        Form form = form(kind, run);
        SignedInClient client = client(form.account());
        Shown shown = page(client, form.page());
        long before = count(form);

        // With an error, the form comes back and its key is free again.
        HttpResponse<String> refused = send(client, withFields(form, form.invalid()), shown);
        assertThat(refused.statusCode()).as("%s with an error", kind).isEqualTo(422);
        assertThat(count(form)).isEqualTo(before);

        // Corrected and sent twice at once with the same key: one record, the same redirect twice.
        List<HttpResponse<String>> answers = atOnce(() -> send(client, form, shown), () -> send(client, form, shown));
        assertThat(answers)
                .as("%s sent twice at once", kind)
                .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(302));
        String location = SignedInClient.location(answers.getFirst());
        assertThat(location).isNotEmpty();
        assertThat(SignedInClient.location(answers.getLast())).isEqualTo(location);
        assertThat(count(form)).as("%s created", kind).isEqualTo(before + 1);

        // Sent once more later (going back and sending again): the same answer, nothing more created.
        HttpResponse<String> again = send(client, form, shown);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(again)).isEqualTo(location);
        assertThat(count(form)).isEqualTo(before + 1);
    }

    @Test
    void aKeyIsTheVisitorsOwnAndEachShowingOfAFormHasANewOne() {
        SignedInClient editor = client(DemoAccounts.EDITOR);
        Shown first = page(editor, "/redakcja/motta");
        Shown second = page(editor, "/redakcja/motta");
        assertThat(first.key()).isNotEqualTo(second.key());

        Form form = form("quote", run + "-own");
        HttpResponse<String> created = send(editor, form, first);
        assertThat(created.statusCode()).isEqualTo(302);

        // Another editor's session with the same key is another submission: it creates its own record.
        SignedInClient other = new SignedInClient(port);
        other.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        Shown othersPage = page(other, "/redakcja/motta");
        HttpResponse<String> othersAnswer = send(other, form, new Shown(othersPage.csrf(), first.key()));
        assertThat(othersAnswer.statusCode()).isEqualTo(302);
        assertThat(count(form)).isEqualTo(2);
    }

    @Test
    void aSendingWhoseFirstIsStillRunningIsToldSoIn409AndAClaimLeftByADeadNodeIsTakenOver() {
        SignedInClient editor = client(DemoAccounts.EDITOR);
        Shown shown = page(editor, "/redakcja/motta");
        Form form = form("quote", run + "-pending");
        assertThat(send(editor, form, shown).statusCode()).isEqualTo(302);

        // As if the first sending were still running: the second waits for it, then says so.
        jdbc.sql("update shared_form_submission set status = null, location = null, started_at = now() where key = :k")
                .param("k", shown.key())
                .update();
        HttpResponse<String> pending = send(editor, form, shown);
        assertThat(pending.statusCode()).isEqualTo(409);
        assertThat(pending.body())
                .contains("<title>Ten formularz jest już wysyłany")
                .contains("Nic nie zostało zapisane podwójnie");
        assertThat(count(form)).isEqualTo(1);

        // A claim without an answer for minutes belongs to a request that died: the key may be used again.
        jdbc.sql("update shared_form_submission set started_at = now() - interval '3 minutes' where key = :k")
                .param("k", shown.key())
                .update();
        assertThat(send(editor, form, shown).statusCode()).isEqualTo(302);
        assertThat(count(form)).isEqualTo(2);
    }

    @Test
    void keysAreForgottenAfterADay() {
        SignedInClient editor = client(DemoAccounts.EDITOR);
        Shown shown = page(editor, "/redakcja/motta");
        assertThat(send(editor, form("quote", run + "-old"), shown).statusCode())
                .isEqualTo(302);
        jdbc.sql("update shared_form_submission set started_at = now() - interval '25 hours' where key = :k")
                .param("k", shown.key())
                .update();

        assertThat(submissions.purgeNow()).isPositive();

        assertThat(jdbc.sql("select count(*) from shared_form_submission where key = :k")
                        .param("k", shown.key())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private Form form(String kind, String marker) {
        String m = "once " + marker;
        return switch (kind) {
            case "article" ->
                new Form(
                        DemoAccounts.EDITOR,
                        "/redakcja/artykuly/nowy",
                        "/redakcja/artykuly/nowy",
                        fields(
                                "akcja",
                                "zapisz",
                                "title",
                                "Artykuł " + m,
                                "lead",
                                "Wstęp",
                                "body",
                                "Treść.",
                                "tags",
                                "",
                                "authorName",
                                "Autor " + m,
                                "status",
                                "DRAFT",
                                "publishedAt",
                                "",
                                "imageId",
                                ""),
                        fields("title", ""),
                        "select count(*) from article where author_name = :m",
                        "Autor " + m,
                        null);
            case "quote" ->
                new Form(
                        DemoAccounts.EDITOR,
                        "/redakcja/motta",
                        "/redakcja/motta",
                        fields("text", "Motto " + m, "source", "Źródło"),
                        fields("text", ""),
                        "select count(*) from motto_quote where text = 'Motto ' || :m",
                        m,
                        null);
            case "partner" ->
                new Form(
                        DemoAccounts.EDITOR,
                        "/redakcja/partnerzy",
                        "/redakcja/partnerzy",
                        fields("kind", "PARTNER", "name", "Partner " + m, "url", "", "sortOrder", ""),
                        fields("name", ""),
                        "select count(*) from partner where name = 'Partner ' || :m",
                        m,
                        new Upload("logo", "", "application/octet-stream", new byte[0]));
            case "image" ->
                new Form(
                        DemoAccounts.EDITOR,
                        "/redakcja/obrazy",
                        "/redakcja/obrazy",
                        fields("alt", "Obraz " + m),
                        fields("alt", ""),
                        "select count(*) from content_image where alt = 'Obraz ' || :m",
                        m,
                        new Upload("plik", "obraz.png", "image/png", png()));
            case "event" ->
                new Form(
                        DemoAccounts.EDITOR,
                        "/organizacja/wydarzenia/nowe",
                        "/organizacja/wydarzenia/nowe",
                        fields(
                                "title",
                                "Wydarzenie " + m,
                                "type",
                                "WEBINAR",
                                "level",
                                "NATIONAL",
                                "format",
                                "ONLINE",
                                "startDate",
                                "2027-05-10",
                                "startTime",
                                "10:00",
                                "endTime",
                                "12:00",
                                "seatsOnSite",
                                "0",
                                "seatsOnline",
                                "50",
                                "audience",
                                "ANYONE",
                                "onlineLink",
                                "https://spotkanie.example/once"),
                        fields("title", ""),
                        "select count(*) from event where title = 'Wydarzenie ' || :m",
                        m,
                        null);
            case "participant" ->
                new Form(
                        DemoAccounts.EDITOR,
                        "/organizacja/wydarzenia/" + event + "/uczestnicy",
                        "/organizacja/wydarzenia/" + event + "/uczestnicy",
                        fields(
                                "fullName",
                                "Uczestnik " + m,
                                "email",
                                "uczestnik." + marker.replaceAll("[^a-z0-9]", "") + "@test.koordes.example",
                                "institution",
                                "Instytucja",
                                "regionId",
                                regionId("lubuskie")),
                        fields("fullName", "", "email", "to nie adres"),
                        "select count(*) from event_registration where full_name = 'Uczestnik ' || :m",
                        m,
                        null);
            case "material" ->
                new Form(
                        DemoAccounts.EDITOR,
                        "/organizacja/wydarzenia/" + event + "/materialy",
                        "/organizacja/wydarzenia/" + event + "/materialy",
                        fields("title", "Materiał " + m, "participantsOnly", ""),
                        fields("title", ""),
                        "select count(*) from event_file where title = 'Materiał ' || :m",
                        m,
                        new Upload("plik", "program.pdf", "application/pdf", MaterialSamples.pdf()));
            case "institution" ->
                new Form(
                        DemoAccounts.ADMINISTRATOR,
                        "/admin/katalog/instytucje/nowa",
                        "/admin/katalog/instytucje/nowa",
                        fields(
                                "kind",
                                "PARTNER",
                                "name",
                                "Instytucja " + m,
                                "regionId",
                                regionId("lubuskie"),
                                "street",
                                "",
                                "postalCode",
                                "",
                                "city",
                                "",
                                "email",
                                "",
                                "phone",
                                "",
                                "website",
                                ""),
                        fields("name", ""),
                        "select count(*) from institution where name = 'Instytucja ' || :m",
                        m,
                        null);
            case "macroregion" ->
                new Form(
                        DemoAccounts.ADMINISTRATOR,
                        "/admin/katalog/makroregiony/nowy",
                        "/admin/katalog/makroregiony/nowy",
                        fields(
                                "code",
                                "Q" + Long.toString(Math.abs(marker.hashCode()) % 46_000L, 36),
                                "namePl",
                                "Makroregion " + m,
                                "nameEn",
                                "Macroregion " + m,
                                "sortOrder",
                                "90"),
                        fields("namePl", ""),
                        "select count(*) from macroregion where name_pl = 'Makroregion ' || :m",
                        m,
                        null);
            case "committee" ->
                new Form(
                        DemoAccounts.ADMINISTRATOR,
                        "/admin/katalog/komitety/nowy",
                        "/admin/katalog/komitety/nowy",
                        fields(
                                "regionId",
                                regionId("lubuskie"),
                                "name",
                                "Komitet " + m,
                                "termStart",
                                "2990-01-01",
                                "termEnd",
                                "2992-12-31"),
                        fields("name", ""),
                        "select count(*) from committee where name = 'Komitet ' || :m",
                        m,
                        null);
            case "committee member" ->
                new Form(
                        DemoAccounts.ADMINISTRATOR,
                        "/admin/katalog/komitety/" + committee + "/czlonkowie/nowy",
                        "/admin/katalog/komitety/" + committee + "/czlonkowie/nowy",
                        fields(
                                "fullName",
                                "Członek " + m,
                                "organisation",
                                "",
                                "sector",
                                "NGO",
                                "function",
                                "MEMBER",
                                "termStart",
                                committeeStart.toString(),
                                "termEnd",
                                ""),
                        fields("fullName", ""),
                        "select count(*) from committee_membership where full_name = 'Członek ' || :m",
                        m,
                        null);
            case "coordination member" ->
                new Form(
                        DemoAccounts.COORDINATOR_MALOPOLSKIE,
                        "/koordynacja/malopolskie/czlonkowie/nowy",
                        "/koordynacja/malopolskie/czlonkowie/nowy",
                        fields(
                                "fullName",
                                "Członkini " + m,
                                "organisation",
                                "",
                                "sector",
                                "NGO",
                                "function",
                                "MEMBER",
                                "termStart",
                                coordinationStart.toString(),
                                "termEnd",
                                "",
                                "email",
                                "",
                                "phone",
                                ""),
                        fields("fullName", ""),
                        "select count(*) from committee_membership where full_name = 'Członkini ' || :m",
                        m,
                        null);
            case "invitation" ->
                new Form(
                        DemoAccounts.ADMINISTRATOR,
                        "/admin/osoby/zapros",
                        "/admin/osoby/zapros",
                        fields(
                                "email",
                                "zaproszona." + marker.replaceAll("[^a-z0-9]", "") + "@test.koordes.example",
                                "displayName",
                                "Zaproszona " + m,
                                "language",
                                "pl",
                                "role",
                                "EXPERT",
                                "region",
                                ""),
                        fields("displayName", ""),
                        "select count(*) from account where display_name = 'Zaproszona ' || :m",
                        m,
                        null);
            case "role" ->
                new Form(
                        DemoAccounts.ADMINISTRATOR,
                        "/admin/osoby/" + person,
                        "/admin/osoby/" + person + "/role",
                        fields("role", "EDITOR", "region", ""),
                        fields("role", ""),
                        "select count(*) from role_assignment where role = 'EDITOR' and account_id = " + person
                                + " and :m is not null",
                        m,
                        null);
            case "banned phrase" ->
                new Form(
                        DemoAccounts.EDITOR,
                        "/redakcja/komentarze/zakazane-frazy",
                        "/redakcja/komentarze/zakazane-frazy",
                        fields("phrase", "zakazane " + m),
                        fields("phrase", ""),
                        "select count(*) from comments_banned_phrase where phrase = 'zakazane ' || :m",
                        m,
                        null);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The page's form as shown: its CSRF token and once-only key. */
    record Shown(String csrf, String key) {}

    private Shown page(SignedInClient client, String path) {
        HttpResponse<String> shown = client.get(path);
        assertThat(shown.statusCode()).as(path).isEqualTo(200);
        Matcher csrf = CSRF.matcher(shown.body());
        Matcher once = ONCE.matcher(shown.body());
        assertThat(csrf.find()).as("CSRF token on %s", path).isTrue();
        assertThat(once.find()).as("once-only key on %s", path).isTrue();
        return new Shown(csrf.group(1), once.group(1));
    }

    private HttpResponse<String> send(SignedInClient client, Form form, Shown shown) {
        Map<String, String> fields = new LinkedHashMap<>(form.valid());
        fields.put(OnceOnlySubmissions.PARAMETER, shown.key());
        Upload upload = form.upload();
        if (upload != null) {
            return Multipart.upload(
                    client,
                    port,
                    form.action(),
                    shown.csrf(),
                    fields,
                    upload.field(),
                    Multipart.fileName(upload.name()),
                    upload.contentType(),
                    upload.data());
        }
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        return client.post(form.action(), pairs.toArray(String[]::new));
    }

    private static Form withFields(Form form, Map<String, String> changed) {
        Map<String, String> fields = new LinkedHashMap<>(form.valid());
        fields.putAll(changed);
        return new Form(
                form.account(),
                form.page(),
                form.action(),
                fields,
                form.invalid(),
                form.count(),
                form.mark(),
                form.upload());
    }

    private long count(Form form) {
        return jdbc.sql(form.count()).param("m", form.mark()).query(Long.class).single();
    }

    @SafeVarargs
    private static List<HttpResponse<String>> atOnce(Callable<HttpResponse<String>>... sendings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sendings.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Callable<HttpResponse<String>> sending : sendings) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return sending.call();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private SignedInClient client(String account) {
        return clients.computeIfAbsent(account, email -> {
            SignedInClient client = new SignedInClient(port);
            boolean secondFactor =
                    email.equals(DemoAccounts.ADMINISTRATOR) || email.equals(DemoAccounts.COORDINATOR_MALOPOLSKIE);
            client.signInFully(email, DemoAccounts.PASSWORD, secondFactor ? DemoAccounts.TOTP_SECRET : null);
            return client;
        });
    }

    private String regionId(String slug) {
        return jdbc.sql("select id from region where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .single()
                .toString();
    }

    private long committeeOf(String slug) {
        return jdbc.sql("select c.id from committee c join region r on r.id = c.region_id where r.slug = :slug"
                        + " and c.term_start <= current_date and c.term_end >= current_date")
                .param("slug", slug)
                .query(Long.class)
                .single();
    }

    private LocalDate startOf(long committeeId) {
        LocalDate start = jdbc.sql("select term_start from committee where id = :id")
                .param("id", committeeId)
                .query(LocalDate.class)
                .single();
        return start.isAfter(LocalDate.now()) ? start : LocalDate.now();
    }

    private static long idAtEnd(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
