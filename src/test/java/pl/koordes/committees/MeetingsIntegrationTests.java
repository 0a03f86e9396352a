package pl.koordes.committees;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Meetings as the secretary and the members use them: a draft seen by the secretary only, convened, answered
 * by a member linked to an account (and changed), attendance pre-filled from the answers; a public meeting
 * mirrored by a public event, cancelled with it; two secretaries saving the same meeting (the second gets a
 * conflict with the text kept); outsiders and changed ids; the person's answers and attendance in their data
 * and erased with it.
 */
@IntegrationTest
class MeetingsIntegrationTests {

    private static final String PREFIX = "Test posiedzeń";
    private static final String SPACE = "/komitet/malopolskie";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PersonalData> personalData;

    MeetingsTesting testing;

    List<Long> demoSeats = List.of();

    @BeforeEach
    void setUp() {
        testing = new MeetingsTesting(jdbc, port);
        testing.cleanUp(PREFIX);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
        testing.relink(demoSeats, testing.account(DemoAccounts.COMMITTEE_MALOPOLSKIE));
        jdbc.sql("update event set status = 'CANCELLED' where title like :p")
                .param("p", PREFIX + "%")
                .update();
    }

    @Test
    void aMeetingIsPreparedConvenedAnsweredAndItsAttendancePrefilled() {
        long memberAccount = testing.account(DemoAccounts.COMMITTEE_MALOPOLSKIE);
        demoSeats = testing.unlinkSeats(memberAccount);
        long seat = testing.member(
                "malopolskie",
                PREFIX + " Ewa Członkini",
                MeetingsTesting.today().minusYears(1),
                "ewa.czlonkini@test.koordes.example",
                memberAccount);
        SignedInClient secretary = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.35.20");
        SignedInClient member = testing.signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.35.21");
        LocalDate day = MeetingsTesting.today().plusDays(10);

        assertThat(secretary.get(SPACE + "/posiedzenia/nowe").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = secretary.post(
                SPACE + "/posiedzenia/nowe",
                "title",
                PREFIX + " bez miejsca",
                "meetingDate",
                day.toString(),
                "startTime",
                "12:00",
                "endTime",
                "11:00");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Godzina zakończenia musi być późniejsza")
                .contains("Podaj miejsce");
        HttpResponse<String> created = secretary.post(
                SPACE + "/posiedzenia/nowe",
                "title",
                PREFIX + " jawne",
                "meetingDate",
                day.toString(),
                "startTime",
                "10:00",
                "endTime",
                "13:00",
                "meetingPlace",
                "Sala 1",
                "agenda",
                "1. Otwarcie\n2. Opinia",
                "publicMeeting",
                "true");
        assertThat(created.statusCode()).isEqualTo(302);
        String path = SignedInClient.location(created);
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        assertThat(testing.status(id)).isEqualTo("DRAFT");
        assertThat(testing.audits("COMMITTEE_MEETING_CREATED", id)).isEqualTo(1);
        assertThat(member.get(path).statusCode())
                .as("a draft is the secretary's")
                .isEqualTo(404);
        assertThat(member.get(SPACE).body()).doesNotContain(PREFIX + " jawne");
        assertThat(secretary.get(SPACE).body()).contains(PREFIX + " jawne").contains("Szkic");

        secretary.get(path);
        HttpResponse<String> convened = secretary.post(path + "/zwolaj");
        assertThat(convened.statusCode()).isEqualTo(302);
        assertThat(testing.status(id)).isEqualTo("CONVENED");
        Long eventId = jdbc.sql("select event_id from committee_meeting where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(eventId).as("a public meeting is an event of the region").isNotNull();
        assertThat(jdbc.sql("select status || ' ' || level || ' ' || type from event where id = :id")
                        .param("id", eventId)
                        .query(String.class)
                        .single())
                .isEqualTo("PUBLISHED REGIONAL MEETING");
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :s")
                        .param("s", "%committeeMeetingInvitation%")
                        .query(Long.class)
                        .single())
                .isPositive();

        String page = member.get(path).body();
        assertThat(page).contains(PREFIX + " jawne").contains("1. Otwarcie").contains("Twoja odpowiedź");
        HttpResponse<String> excused =
                member.post(path + "/odpowiedz", "meetingAnswer", "EXCUSED", "answerReason", "Urlop");
        assertThat(excused.statusCode()).isEqualTo(302);
        member.get(path);
        assertThat(member.post(path + "/odpowiedz", "meetingAnswer", "ATTENDING")
                        .statusCode())
                .isEqualTo(302);
        member.get(path);
        assertThat(member.post(path + "/odpowiedz", "meetingAnswer", "EXCUSED", "answerReason", "Choroba")
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql(
                                "select answer || ':' || reason from committee_meeting_answer where meeting_id = :m and membership_id = :s")
                        .param("m", id)
                        .param("s", seat)
                        .query(String.class)
                        .single())
                .isEqualTo("EXCUSED:Choroba");
        assertThat(testing.audits("COMMITTEE_MEETING_ANSWERED", id)).isEqualTo(3);
        assertThat(secretary.get(path).body())
                .contains(PREFIX + " Ewa Członkini")
                .contains("Choroba");
        assertThat(member.get(SPACE + "/posiedzenia/" + id + "/obecnosc").statusCode())
                .isEqualTo(403);

        // Once it has started, the secretary records attendance; the excuse is marked already.
        jdbc.sql(
                        "update committee_meeting set starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' where id = :id")
                .param("id", id)
                .update();
        String form = secretary.get(path + "/obecnosc").body();
        assertThat(form).containsPattern("id=\"presence-" + seat + "-EXCUSED\"[^>]*checked");
        assertThat(member.post(path + "/odpowiedz", "meetingAnswer", "ATTENDING")
                        .statusCode())
                .as("answers close when it starts")
                .isEqualTo(409);

        // Personal data: the answer and the attendance are the member's, and go with them.
        secretary.get(path + "/obecnosc");
        LocalDate heldOn = MeetingsTesting.today();
        HttpResponse<String> recorded =
                secretary.post(path + "/obecnosc", testing.attendance("malopolskie", heldOn, Map.of(seat, "EXCUSED")));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        PersonalData meetings = personalData.stream()
                .filter(p -> p.section().equals("committeeMeetings"))
                .findFirst()
                .orElseThrow();
        PersonalData.Person person =
                new PersonalData.Person(memberAccount, "ewa.czlonkini@test.koordes.example", "Ewa Członkini");
        assertThat(meetings.export(person).toString())
                .contains("Choroba")
                .contains("EXCUSED")
                .contains(PREFIX + " jawne");
        meetings.erase(person);
        assertThat(meetings.export(person).toString()).doesNotContain("Choroba");
    }

    @Test
    void theSecondOfTwoSecretariesSavingTheSameMeetingIsToldAndKeepsTheText() {
        long id = testing.meeting(
                "malopolskie", PREFIX + " wspólne", MeetingsTesting.today().plusDays(20), "DRAFT", false);
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.35.30");
        SignedInClient administrator = testing.signedIn(DemoAccounts.ADMINISTRATOR, "127.0.35.31");
        String edit = SPACE + "/posiedzenia/" + id + "/edycja";
        assertThat(coordinator.get(edit).body()).contains("name=\"version\" value=\"0\"");
        assertThat(administrator.get(edit).statusCode()).isEqualTo(200);
        String day = MeetingsTesting.today().plusDays(21).toString();
        HttpResponse<String> first = coordinator.post(
                edit,
                "title",
                PREFIX + " pierwsza wersja",
                "meetingDate",
                day,
                "startTime",
                "10:00",
                "endTime",
                "12:00",
                "meetingPlace",
                "Sala A",
                "version",
                "0");
        assertThat(first.statusCode()).isEqualTo(302);
        HttpResponse<String> second = administrator.post(
                edit,
                "title",
                PREFIX + " druga wersja",
                "meetingDate",
                day,
                "startTime",
                "10:00",
                "endTime",
                "12:00",
                "meetingPlace",
                "Sala B",
                "agenda",
                "Mój długi program",
                "version",
                "0");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("Mój długi program").contains("ktoś inny zmienił");
        assertThat(jdbc.sql("select title from committee_meeting where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(PREFIX + " pierwsza wersja");
    }

    @Test
    void outsidersReachNothingInternalAlsoByChangingIds() {
        long draft = testing.meeting(
                "malopolskie", PREFIX + " szkic", MeetingsTesting.today().plusDays(5), "DRAFT", false);
        long convened = testing.meeting(
                "malopolskie", PREFIX + " wewnętrzne", MeetingsTesting.today().plusDays(5), "CONVENED", false);
        long other = testing.meeting(
                "slaskie", PREFIX + " śląskie", MeetingsTesting.today().plusDays(5), "CONVENED", false);
        long document = jdbc.sql("""
                        insert into committee_document (meeting_id, title, file_name, file_type, size_bytes, file_data)
                        values (:m, 'Projekt wewnętrzny', 'projekt.txt', 'text/plain', 5, convert_to('tajne', 'UTF8'))
                        returning id
                        """).param("m", convened).query(Long.class).single();
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.35.40");
        SignedInClient otherRegion = testing.signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.35.41");
        SignedInClient participant = testing.signedIn(DemoAccounts.PARTICIPANT, "127.0.35.42");
        SignedInClient anonymous = new SignedInClient(port, "127.0.35.43");
        String doc = SPACE + "/posiedzenia/" + convened + "/dokumenty/" + document;

        assertThat(coordinator.get(doc).body()).isEqualTo("tajne");
        assertThat(coordinator.get(SPACE + "/posiedzenia/" + other).statusCode())
                .as("another region's id")
                .isEqualTo(404);
        assertThat(coordinator.get("/komitet/slaskie/posiedzenia/" + other).statusCode())
                .isEqualTo(403);
        assertThat(coordinator
                        .get(SPACE + "/posiedzenia/" + other + "/dokumenty/" + document)
                        .statusCode())
                .isEqualTo(404);
        assertThat(coordinator
                        .get(SPACE + "/posiedzenia/" + draft + "/dokumenty/" + document)
                        .statusCode())
                .isEqualTo(404);
        for (SignedInClient outsider : List.of(otherRegion, participant)) {
            assertThat(outsider.get(SPACE).statusCode()).isEqualTo(403);
            assertThat(outsider.get(SPACE + "/posiedzenia/" + convened).statusCode())
                    .isEqualTo(403);
            assertThat(outsider.get(doc).statusCode()).isEqualTo(404);
            assertThat(outsider.get(doc).body()).doesNotContain("tajne");
        }
        assertThat(otherRegion.get("/komitet/slaskie/posiedzenia/" + convened).statusCode())
                .isEqualTo(404);
        assertThat(otherRegion
                        .get("/komitet/slaskie/posiedzenia/" + convened + "/dokumenty/" + document)
                        .statusCode())
                .isEqualTo(404);
        assertThat(anonymous.get(SPACE).statusCode()).isEqualTo(302);
        assertThat(anonymous.get(doc).statusCode()).isEqualTo(404);
        assertThat(participant.get("/komitet").statusCode()).isEqualTo(403);
        assertThat(SignedInClient.location(coordinator.get("/komitet"))).endsWith("/komitet/malopolskie");
    }
}
