package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.surveys.internal.SurveyDefinition;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;
import pl.koordes.surveys.internal.SurveyDefinition.Question;
import pl.koordes.surveys.internal.SurveyStore;

/**
 * The builder through its forms, as the demo editor: every question type, conditions (on the server too),
 * reordering across sections and its refusals, a copy whose conditions point at the copy's options, the
 * rules of publishing, closing and deleting, the rule for a survey that has answers, optimistic locking
 * with what was typed kept, and the settings' checks with their Polish messages.
 */
@IntegrationTest
class BuilderIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SurveyStore store;

    private BuilderTesting builder;
    private SignedInClient editor;
    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void signIn() {
        builder = new BuilderTesting(port, "127.0.24.10", jdbc);
        editor = builder.client();
    }

    @AfterEach
    void cleanUp() {
        builder.delete(created);
        created.clear();
    }

    private long survey(String title) {
        long id = builder.survey(title);
        created.add(id);
        return id;
    }

    @Test
    void buildsEveryTypeOfQuestionWithAConditionShownInWords() {
        long survey = survey("Ankieta każdego rodzaju");
        String token = store.find(survey).orElseThrow().linkToken();
        assertThat(token).matches("[A-Za-z0-9_-]{32}");
        long first = builder.section(survey, "Pierwsza sekcja");
        long second = builder.section(survey, "Druga sekcja");

        long single = builder.question(
                survey,
                first,
                "SINGLE_CHOICE",
                "Czy potrzebujesz doradztwa?",
                "choices",
                "Tak\n\n  Nie  \n",
                "otherChoice",
                "true",
                "mandatory",
                "true");
        builder.question(survey, first, "MULTIPLE_CHOICE", "Jakie tematy?", "choices", "Zamówienia\nReintegracja");
        builder.question(
                survey, first, "SCALE", "Jak oceniasz wsparcie?", "lowLabel", "Źle", "highLabel", "Bardzo dobrze");
        builder.question(
                survey,
                first,
                "MATRIX",
                "Oceń obszary",
                "lowLabel",
                "Nisko",
                "highLabel",
                "Wysoko",
                "matrixRows",
                "Finanse\nKadry");
        builder.question(survey, first, "SHORT_TEXT", "Nazwa instytucji", "questionHelp", "Pełna nazwa");
        builder.question(survey, first, "LONG_TEXT", "Co jeszcze?");
        builder.question(survey, first, "NUMBER", "Ile osób zatrudniacie?");
        builder.question(survey, first, "DATE", "Od kiedy działacie?");
        long yes = builder.option(single, "Tak");
        long conditional = builder.question(
                survey, second, "LONG_TEXT", "W jakiej sprawie?", "conditionOption", String.valueOf(yes));

        SurveyDefinition definition = store.definition(survey).orElseThrow();
        assertThat(definition.questions().map(Question::type).map(Enum::name))
                .containsExactly(
                        "SINGLE_CHOICE",
                        "MULTIPLE_CHOICE",
                        "SCALE",
                        "MATRIX",
                        "SHORT_TEXT",
                        "LONG_TEXT",
                        "NUMBER",
                        "DATE",
                        "LONG_TEXT");
        Question choice = definition.question(single).orElseThrow();
        assertThat(choice.options()).extracting(Choice::label).containsExactly("Tak", "Nie");
        assertThat(choice.otherOption()).isTrue();
        assertThat(choice.required()).isTrue();
        Question matrix = definition
                .questions()
                .filter(q -> q.type() == QuestionType.MATRIX)
                .findFirst()
                .orElseThrow();
        assertThat(matrix.rows()).extracting(Choice::label).containsExactly("Finanse", "Kadry");
        assertThat(matrix.scaleMinLabel()).isEqualTo("Nisko");
        assertThat(definition.question(conditional).orElseThrow().conditionOptionId())
                .isEqualTo(yes);
        assertThat(builder.audited("SURVEY_QUESTION_ADDED", survey)).isEqualTo(9);

        String page = editor.get("/ankiety/obsluga/" + survey).body();
        assertThat(page)
                .contains("Widoczne, gdy w pytaniu „Czy potrzebujesz doradztwa?” wybrano „Tak”")
                .contains("Skala od 1 („Źle”) do 5 („Bardzo dobrze”)")
                .contains("Inna (jaka?)")
                .contains("href=\"/ankiety/obsluga/" + survey + "/podglad\"");

        // A choice question needs its options; scale ends are labelled.
        HttpResponse<String> bare =
                builder.postQuestion(survey, first, "SINGLE_CHOICE", "Bez odpowiedzi", "choices", "Jedna");
        assertThat(bare.statusCode()).isEqualTo(422);
        assertThat(bare.body()).contains("Odpowiedzi do wyboru: wpisz co najmniej dwie odpowiedzi do wyboru");
        HttpResponse<String> scale = builder.postQuestion(survey, first, "SCALE", "Bez opisu skali");
        assertThat(scale.statusCode()).isEqualTo(422);
        assertThat(scale.body())
                .contains("Opis wartości 1: opisz ten koniec skali.")
                .contains("Bez opisu skali");
    }

    @Test
    void aConditionMustBeAnOptionOfAnEarlierQuestionOfTheSameSurvey() {
        long survey = survey("Warunki");
        long section = builder.section(survey, "Sekcja");
        long first = builder.question(survey, section, "SINGLE_CHOICE", "Pierwsze", "choices", "Tak\nNie");
        long later = builder.question(survey, section, "SINGLE_CHOICE", "Drugie", "choices", "A\nB");
        long other = survey("Inna ankieta");
        long otherSection = builder.section(other, "Obca");
        long foreign = builder.question(other, otherSection, "SINGLE_CHOICE", "Obce", "choices", "X\nY");

        HttpResponse<String> wrongSurvey = builder.postQuestion(
                survey,
                section,
                "SHORT_TEXT",
                "Z obcym warunkiem",
                "conditionOption",
                String.valueOf(builder.option(foreign, "X")));
        assertThat(wrongSurvey.statusCode()).isEqualTo(422);
        assertThat(wrongSurvey.body()).contains("Warunek musi być odpowiedzią do wyboru z innego pytania tej ankiety.");

        // The first question cannot depend on a later one.
        SurveyDefinition definition = store.definition(survey).orElseThrow();
        Question question = definition.question(first).orElseThrow();
        editor.get("/ankiety/obsluga/" + survey + "/pytania/" + first);
        HttpResponse<String> backwards = editor.post(
                "/ankiety/obsluga/" + survey + "/pytania/" + first,
                "type",
                "SINGLE_CHOICE",
                "questionText",
                "Pierwsze",
                "sectionId",
                String.valueOf(section),
                "choices",
                "Tak\nNie",
                "conditionOption",
                String.valueOf(builder.option(later, "A")),
                "version",
                String.valueOf(question.rowVersion()));
        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(backwards.body()).contains("Warunek musi dotyczyć pytania, które jest wcześniej w ankiecie.");
        assertThat(store.definition(survey)
                        .orElseThrow()
                        .question(first)
                        .orElseThrow()
                        .conditionOptionId())
                .isNull();
    }

    @Test
    void questionsMoveWithinAndAcrossSectionsButNeverAboveTheirCondition() {
        long survey = survey("Kolejność");
        long a = builder.section(survey, "A");
        long b = builder.section(survey, "B");
        long q1 = builder.question(survey, a, "SINGLE_CHOICE", "Pytanie pierwsze", "choices", "Tak\nNie");
        long q2 = builder.question(survey, a, "SHORT_TEXT", "Pytanie drugie");
        long q3 = builder.question(
                survey,
                b,
                "SHORT_TEXT",
                "Pytanie zależne",
                "conditionOption",
                String.valueOf(builder.option(q1, "Tak")));
        String base = "/ankiety/obsluga/" + survey + "/pytania/";
        editor.get("/ankiety/obsluga/" + survey);

        assertThat(move(base + q3 + "/w-gore")).contains("Przeniesiono pytanie.");
        assertThat(builder.order(survey)).containsExactly(q1, q2, q3);
        assertThat(sectionOf(q3)).isEqualTo(a);
        move(base + q3 + "/w-gore");
        assertThat(builder.order(survey)).containsExactly(q1, q3, q2);

        assertThat(move(base + q3 + "/w-gore"))
                .contains("Nie przeniesiono: pytanie z warunkiem musi być po pytaniu, od którego zależy.");
        assertThat(move(base + q1 + "/w-dol")).contains("Nie przeniesiono");
        assertThat(builder.order(survey)).containsExactly(q1, q3, q2);

        move(base + q2 + "/w-dol");
        assertThat(sectionOf(q2)).isEqualTo(b);
        assertThat(builder.order(survey)).containsExactly(q1, q3, q2);
        assertThat(builder.audited("SURVEY_QUESTION_MOVED", survey)).isEqualTo(3);
    }

    @Test
    void aCopyHasItsOwnQuestionsAndConditionsAndIsUnpublishedWithoutDates() {
        long survey = survey("Oryginał");
        long section = builder.section(survey, "Sekcja");
        long q1 = builder.question(survey, section, "SINGLE_CHOICE", "Czy?", "choices", "Tak\nNie");
        long q2 = builder.question(
                survey,
                section,
                "SHORT_TEXT",
                "Dlaczego?",
                "conditionOption",
                String.valueOf(builder.option(q1, "Tak")));
        builder.question(survey, section, "MATRIX", "Oceń", "lowLabel", "1", "highLabel", "5", "matrixRows", "X\nY");
        jdbc.sql("""
                        update surveys_survey set published = true, opens_at = now() - interval '1 day',
                            closes_at = now() + interval '1 day', audience_roles = '{EXPERT}' where id = :id
                        """).param("id", survey).update();

        editor.get("/ankiety/obsluga");
        HttpResponse<String> answer = editor.post("/ankiety/obsluga/" + survey + "/kopiuj");
        assertThat(answer.statusCode()).isEqualTo(302);
        long copy = BuilderTesting.lastNumber(SignedInClient.location(answer));
        created.add(copy);

        SurveyDefinition copied = store.definition(copy).orElseThrow();
        assertThat(copied.survey().title()).isEqualTo("Oryginał (kopia)");
        assertThat(copied.survey().published()).isFalse();
        assertThat(copied.survey().opensAt()).isNull();
        assertThat(copied.survey().closesAt()).isNull();
        assertThat(copied.survey().copiedFromId()).isEqualTo(survey);
        assertThat(copied.survey().audienceRoles()).extracting(Enum::name).containsExactly("EXPERT");
        assertThat(copied.survey().linkToken())
                .isNotEqualTo(store.find(survey).orElseThrow().linkToken());
        List<Question> questions = copied.questions().toList();
        assertThat(questions).extracting(Question::text).containsExactly("Czy?", "Dlaczego?", "Oceń");
        assertThat(questions).extracting(Question::id).doesNotContain(q1, q2);
        Long condition = questions.get(1).conditionOptionId();
        assertThat(condition).isNotNull().isNotEqualTo(builder.option(q1, "Tak"));
        assertThat(copied.questionOfOption(condition).orElseThrow().id())
                .isEqualTo(questions.get(0).id());
        assertThat(questions.get(0).options().getFirst().label()).isEqualTo("Tak");
        assertThat(questions.get(2).rows()).extracting(Choice::label).containsExactly("X", "Y");
        assertThat(builder.audited("SURVEY_COPIED", copy)).isEqualTo(1);
    }

    @Test
    void publishingNeedsQuestionsDatesInTheFutureAndAnAudienceThenClosingAndDeletingAsk() {
        long survey = survey("Do publikacji");
        String base = "/ankiety/obsluga/" + survey;
        assertThat(editor.get(base + "/publikuj").body()).contains("Ankieta nie ma jeszcze żadnego pytania.");
        long section = builder.section(survey, "Sekcja");
        builder.question(survey, section, "SHORT_TEXT", "Pytanie");
        assertThat(editor.get(base + "/publikuj").body()).contains("Ankieta nie ma terminu.");
        editor.post(base + "/publikuj", "potwierdzenie", "tak");
        assertThat(store.find(survey).orElseThrow().published()).isFalse();

        LocalDate today = LocalDate.now();
        saveSettings(survey, today.minusDays(3), today.minusDays(1), "PARTICIPANT");
        assertThat(editor.get(base + "/publikuj").body()).contains("Termin zamknięcia już minął.");
        saveSettings(survey, today.minusDays(1), today.plusDays(10));
        assertThat(editor.get(base + "/publikuj").body()).contains("Nikt nie może odpowiedzieć");
        saveSettings(survey, today.minusDays(1), today.plusDays(10), "PARTICIPANT", "EXPERT");

        // Without the confirmation's answer the POST only asks.
        assertThat(SignedInClient.location(editor.post(base + "/publikuj"))).isEqualTo(base + "/publikuj");
        assertThat(editor.get(base + "/publikuj").body()).contains("Odbiorcy będą mogli odpowiadać od");
        assertThat(SignedInClient.location(editor.post(base + "/publikuj", "potwierdzenie", "tak")))
                .isEqualTo(base);
        assertThat(store.find(survey).orElseThrow().phase(Instant.now())).isEqualTo(SurveyPhase.OPEN);
        assertThat(builder.audited("SURVEY_PUBLISHED", survey)).isEqualTo(1);

        builder.response(survey, "SUBMITTED");
        assertThat(editor.get(base + "/zamknij").body()).contains("1 wysłana odpowiedź zostaje w wynikach.");
        editor.post(base + "/zamknij", "potwierdzenie", "tak");
        assertThat(store.find(survey).orElseThrow().phase(Instant.now())).isEqualTo(SurveyPhase.CLOSED);
        assertThat(builder.audited("SURVEY_CLOSED", survey)).isEqualTo(1);

        assertThat(editor.get(base + "/usun").body()).contains("Zamknij ją zamiast tego");
        editor.post(base + "/usun", "potwierdzenie", "tak");
        assertThat(store.find(survey)).isPresent();

        long empty = survey("Do usunięcia");
        assertThat(editor.get("/ankiety/obsluga/" + empty + "/usun").body()).contains("Usunięcie jest nieodwracalne");
        assertThat(SignedInClient.location(editor.post("/ankiety/obsluga/" + empty + "/usun", "potwierdzenie", "tak")))
                .isEqualTo("/ankiety/obsluga");
        assertThat(store.find(empty)).isEmpty();
        assertThat(builder.audited("SURVEY_DELETED", empty)).isEqualTo(1);
    }

    @Test
    void onceASurveyHasAnAnswerTypesAnsweredOptionsQuestionsAndAnonymityStay() {
        long survey = survey("Z odpowiedziami");
        long section = builder.section(survey, "Sekcja");
        long question = builder.question(survey, section, "SINGLE_CHOICE", "Wybierz", "choices", "Tak\nNie\nMoże");
        long response = builder.response(survey, "DRAFT");
        jdbc.sql("insert into surveys_answer (response_id, question_id, option_id) values (:r, :q, :o)")
                .param("r", response)
                .param("q", question)
                .param("o", builder.option(question, "Tak"))
                .update();
        String path = "/ankiety/obsluga/" + survey + "/pytania/" + question;
        assertThat(editor.get(path).body()).contains("Ankieta ma już odpowiedzi");

        HttpResponse<String> retyped = saveQuestion(path, section, "MULTIPLE_CHOICE", "Wybierz", "Tak\nNie\nMoże");
        assertThat(retyped.statusCode()).isEqualTo(422);
        assertThat(retyped.body()).contains("nie można zmienić rodzaju pytania");
        assertThat(store.definition(survey)
                        .orElseThrow()
                        .question(question)
                        .orElseThrow()
                        .type())
                .isEqualTo(QuestionType.SINGLE_CHOICE);

        HttpResponse<String> dropped = saveQuestion(path, section, "SINGLE_CHOICE", "Wybierz", "Nie\nMoże");
        assertThat(dropped.statusCode()).isEqualTo(422);
        assertThat(dropped.body()).contains("została już wybrana przez respondentów");

        // Texts are corrected, an unused option goes, options are added; the answered option keeps its id.
        long yes = builder.option(question, "Tak");
        assertThat(saveQuestion(path, section, "SINGLE_CHOICE", "Wybierz jedno", "Tak\nNie\nRaczej tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(saveQuestion(
                                path,
                                section,
                                "SINGLE_CHOICE",
                                "Wybierz jedno",
                                "Tak, chętnie\nNie\nRaczej tak\nBrak zdania")
                        .statusCode())
                .isEqualTo(302);
        Question saved =
                store.definition(survey).orElseThrow().question(question).orElseThrow();
        assertThat(saved.text()).isEqualTo("Wybierz jedno");
        assertThat(saved.options())
                .extracting(Choice::label)
                .containsExactly("Tak, chętnie", "Nie", "Raczej tak", "Brak zdania");
        assertThat(saved.options().getFirst().id()).isEqualTo(yes);

        assertThat(editor.get(path + "/usun").body()).contains("nie można usunąć pytania");
        editor.post(path + "/usun", "potwierdzenie", "tak");
        assertThat(store.definition(survey).orElseThrow().question(question)).isPresent();
        builder.question(survey, section, "SHORT_TEXT", "Nowe pytanie wymagane", "mandatory", "true");

        LocalDate today = LocalDate.now();
        editor.get("/ankiety/obsluga/" + survey + "/ustawienia");
        HttpResponse<String> anonymous = editor.post(
                "/ankiety/obsluga/" + survey + "/ustawienia",
                settings(survey, today, today.plusDays(5), "anonymous", "true", "audienceGroups", "EXPERT"));
        assertThat(anonymous.statusCode()).isEqualTo(422);
        assertThat(anonymous.body()).contains("nie można zmienić anonimowości");
    }

    @Test
    void aStaleFormIsAConflictThatKeepsWhatWasTyped() {
        long survey = survey("Równoległa edycja");
        long section = builder.section(survey, "Sekcja");
        long question = builder.question(survey, section, "SHORT_TEXT", "Pierwotna treść");
        String path = "/ankiety/obsluga/" + survey + "/pytania/" + question;
        int version = store.definition(survey)
                .orElseThrow()
                .question(question)
                .orElseThrow()
                .rowVersion();
        assertThat(saveQuestion(path, section, "SHORT_TEXT", "Zmiana innej osoby", "")
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> stale = editor.post(
                path,
                "type",
                "SHORT_TEXT",
                "questionText",
                "Moja spóźniona treść",
                "sectionId",
                String.valueOf(section),
                "version",
                String.valueOf(version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("ktoś inny zmienił to pytanie").contains("Moja spóźniona treść");
        assertThat(store.definition(survey)
                        .orElseThrow()
                        .question(question)
                        .orElseThrow()
                        .text())
                .isEqualTo("Zmiana innej osoby");

        int settingsVersion = store.find(survey).orElseThrow().rowVersion();
        saveSettings(survey, LocalDate.now(), LocalDate.now().plusDays(3), "EXPERT");
        HttpResponse<String> staleSettings = editor.post(
                "/ankiety/obsluga/" + survey + "/ustawienia",
                "title",
                "Mój spóźniony tytuł",
                "responseMode",
                "PERSON",
                "resultsVisibility",
                "OPERATORS",
                "version",
                String.valueOf(settingsVersion));
        assertThat(staleSettings.statusCode()).isEqualTo(409);
        assertThat(staleSettings.body())
                .contains("ktoś inny zmienił tę ankietę")
                .contains("Mój spóźniony tytuł");
        assertThat(store.find(survey).orElseThrow().title()).isEqualTo("Równoległa edycja");
    }

    @Test
    void settingsAreCheckedTogetherWithAPolishSummaryThatKeepsEverythingTyped() {
        long survey = survey("Ustawienia");
        String path = "/ankiety/obsluga/" + survey + "/ustawienia";
        assertThat(editor.get(path).statusCode()).isEqualTo(200);
        int version = store.find(survey).orElseThrow().rowVersion();
        HttpResponse<String> wrong = editor.post(
                path,
                "title",
                "Tytuł wpisany",
                "description",
                "Opis wpisany",
                "openingDate",
                "2027-03-10",
                "openingTime",
                "14:30",
                "closingDate",
                "2027-03-01",
                "closingTime",
                "09:00",
                "responseMode",
                "INSTITUTION",
                "anonymous",
                "true",
                "allowChanges",
                "true",
                "resultsVisibility",
                "PUBLIC",
                "audienceGroups",
                "PARTICIPANT",
                "audienceLink",
                "true",
                "version",
                String.valueOf(version));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body())
                .contains("Data zamknięcia: zamknięcie musi nastąpić po otwarciu ankiety.")
                .contains("Jedna odpowiedź na instytucję jest możliwa tylko dla osób koordynujących")
                .contains("Ankieta anonimowa nie pozwala zmieniać wysłanych odpowiedzi")
                .contains("value=\"Tytuł wpisany\"")
                .contains("Opis wpisany")
                .contains("value=\"2027-03-10\"")
                .contains("value=\"14:30\"");
        HttpResponse<String> notADate = editor.post(
                path,
                "title",
                "T",
                "openingDate",
                "jutro",
                "responseMode",
                "PERSON",
                "resultsVisibility",
                "PUBLIC",
                "version",
                String.valueOf(version));
        assertThat(notADate.statusCode()).isEqualTo(422);
        assertThat(notADate.body()).contains("value=\"jutro\"");

        HttpResponse<String> right = editor.post(
                path,
                "title",
                "Tytuł poprawny",
                "openingDate",
                "2027-03-01",
                "openingTime",
                "09:00",
                "closingDate",
                "2027-03-10",
                "closingTime",
                "14:30",
                "responseMode",
                "INSTITUTION",
                "resultsVisibility",
                "PUBLIC",
                "audienceGroups",
                "REGIONAL_COORDINATOR",
                "audienceKinds",
                "ROPS",
                "version",
                String.valueOf(version));
        assertThat(right.statusCode()).isEqualTo(302);
        var saved = store.find(survey).orElseThrow();
        assertThat(saved.opensAt()).hasToString("2027-03-01T08:00:00Z");
        assertThat(saved.closesAt()).hasToString("2027-03-10T13:30:00Z");
        assertThat(saved.responseMode()).isEqualTo(ResponseMode.INSTITUTION);
        assertThat(builder.audited("SURVEY_UPDATED", survey)).isEqualTo(1);
        assertThat(editor.get("/ankiety/obsluga").body()).contains("od 01.03.2027 09:00 do 10.03.2027 14:30");

        editor.get(path);
        saveSettings(survey, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10), "EXPERT", "link");
        assertThat(editor.get(path).body())
                .contains("/ankiety/link/" + store.find(survey).orElseThrow().linkToken());
    }

    /** Presses a move button and follows the redirect to the builder, as a browser does; the page. */
    private String move(String action) {
        HttpResponse<String> answer = editor.post(action);
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = SignedInClient.location(answer);
        assertThat(location).contains("#pytanie-");
        return editor.get(location.replaceAll("#.*$", "")).body();
    }

    private long sectionOf(long question) {
        return jdbc.sql("select section_id from surveys_question where id = :q")
                .param("q", question)
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> saveQuestion(String path, long section, String type, String text, String choices) {
        editor.get(path);
        int version = jdbc.sql("select row_version from surveys_question where id = :q")
                .param("q", BuilderTesting.lastNumber(path))
                .query(Integer.class)
                .single();
        return editor.post(
                path,
                "type",
                type,
                "questionText",
                text,
                "sectionId",
                String.valueOf(section),
                "choices",
                choices,
                "version",
                String.valueOf(version));
    }

    /** Saves the settings per person with these dates at 10:00 and roles; "link" among them ticks the link. */
    private void saveSettings(long survey, LocalDate opens, LocalDate closes, String... roles) {
        String path = "/ankiety/obsluga/" + survey + "/ustawienia";
        editor.get(path);
        List<String> more = new ArrayList<>();
        for (String role : roles) {
            if (role.equals("link")) {
                more.addAll(List.of("audienceLink", "true"));
            } else {
                more.addAll(List.of("audienceGroups", role));
            }
        }
        HttpResponse<String> answer = editor.post(path, settings(survey, opens, closes, more.toArray(String[]::new)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    }

    private String[] settings(long survey, LocalDate opens, LocalDate closes, String... more) {
        List<String> fields = new ArrayList<>(List.of(
                "title",
                store.find(survey).orElseThrow().title(),
                "openingDate",
                opens.toString(),
                "openingTime",
                "10:00",
                "closingDate",
                closes.toString(),
                "closingTime",
                "10:00",
                "responseMode",
                "PERSON",
                "resultsVisibility",
                "OPERATORS",
                "version",
                String.valueOf(store.find(survey).orElseThrow().rowVersion())));
        fields.addAll(List.of(more));
        return fields.toArray(String[]::new);
    }
}
