package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.koordes.support.SignedInClient.location;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * An organiser's whole day with an event, done through the organisers' pages: creating, changing,
 * publishing, adding a person, checking them in, downloading the list in each format, removing them and
 * cancelling. Each step is a line of the audit log, which the administrator reads in words.
 */
@IntegrationTest
class EventAuditIntegrationTests {

    private static final String BASE = "/organizacja/wydarzenia";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyStepOfAnOrganiserIsAnAuditLineInWords() {
        SignedInClient editor = new SignedInClient(port, "127.0.0.104");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        String marker = Long.toString(System.nanoTime());
        String title = "Forum audytu " + marker;
        String renamed = "Forum audytu zmienione " + marker;

        var created = editor.submit(BASE + "/nowe", BASE + "/nowe", event(title, "10:00"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        long id = jdbc.sql("select id from event where title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
        String page = BASE + "/" + id;
        assertThat(location(editor.submit(page, page, event(renamed, "11:00")))).startsWith(page);
        assertThat(editor.submit(page, page + "/status", "status", "PUBLISHED").statusCode())
                .isEqualTo(302);

        String list = page + "/uczestnicy";
        String email = "audyt." + marker + "@test.koordes.example";
        assertThat(editor.submit(
                                list,
                                list,
                                "fullName",
                                "Osoba Audytowana",
                                "email",
                                email,
                                "institution",
                                "Instytucja",
                                "regionId",
                                regionId())
                        .statusCode())
                .isEqualTo(302);
        long registration = jdbc.sql("select id from event_registration where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
        String one = list + "/" + registration;
        assertThat(editor.submit(list, one + "/obecnosc", "attendance", "ATTENDED")
                        .statusCode())
                .isEqualTo(302);
        for (String file : List.of("/uczestnicy.csv", "/uczestnicy.xlsx", "/lista-obecnosci.pdf")) {
            assertThat(editor.get(page + file).statusCode()).as(file).isEqualTo(200);
        }
        assertThat(editor.submit(list, one + "/usun", "potwierdzenie", "tak").statusCode())
                .isEqualTo(302);
        assertThat(editor.submit(page, page + "/status", "status", "CANCELLED", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);

        assertThat(jdbc.sql("""
                        select action || ' ' || actor_label from audit_entry
                        where target_type = 'event' and target_id = :id order by id""")
                        .param("id", Long.toString(id))
                        .query(String.class)
                        .list())
                .containsExactly(
                        "EVENT_CREATED " + DemoAccounts.EDITOR,
                        "EVENT_UPDATED " + DemoAccounts.EDITOR,
                        "EVENT_STATUS_CHANGED " + DemoAccounts.EDITOR,
                        "PARTICIPANT_ADDED " + DemoAccounts.EDITOR,
                        "ATTENDANCE_MARKED " + DemoAccounts.EDITOR,
                        "PARTICIPANTS_EXPORTED " + DemoAccounts.EDITOR,
                        "PARTICIPANTS_EXPORTED " + DemoAccounts.EDITOR,
                        "PARTICIPANTS_EXPORTED " + DemoAccounts.EDITOR,
                        "PARTICIPANT_REMOVED " + DemoAccounts.EDITOR,
                        "EVENT_CANCELLED " + DemoAccounts.EDITOR);
        assertThat(jdbc.sql("""
                        select after_value ->> 'format' from audit_entry
                        where action = 'PARTICIPANTS_EXPORTED' and target_id = :id order by id""")
                        .param("id", Long.toString(id))
                        .query(String.class)
                        .list())
                .containsExactly("CSV", "XLSX", "PDF");
        assertThat(jdbc.sql("select count(*) from audit_entry where target_id = :id and (before_value::text like :e"
                                + " or after_value::text like :e or before_value::text like '%Audytowana%'"
                                + " or after_value::text like '%Audytowana%')")
                        .param("id", Long.toString(id))
                        .param("e", "%" + email + "%")
                        .query(Long.class)
                        .single())
                .as("the participant's name and address stay out of the log")
                .isZero();

        SignedInClient admin = new SignedInClient(port, "127.0.0.105");
        admin.signInFully(DemoAccounts.ADMINISTRATOR, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        assertThat(admin.get("/admin/dziennik?akcja=EVENT_UPDATED").body())
                .contains("Wydarzenia: zmiana wydarzenia „" + renamed + "”: tytuł („" + title + "” → „" + renamed
                        + "”), data rozpoczęcia (");
        assertThat(admin.get("/admin/dziennik?akcja=EVENT_STATUS_CHANGED").body())
                .contains("Wydarzenia: zmiana stanu wydarzenia „" + renamed + "”: stan (szkic → opublikowane)");
        assertThat(admin.get("/admin/dziennik?akcja=ATTENDANCE_MARKED").body())
                .contains("Wydarzenia: zaznaczenie obecności „" + renamed + "”: obecność (brak → obecność)");
        assertThat(admin.get("/admin/dziennik?akcja=PARTICIPANTS_EXPORTED").body())
                .contains("Wydarzenia: pobranie listy uczestników „" + renamed + "”", "wydarzenie " + id);
        assertThat(admin.get("/admin/dziennik?akcja=PARTICIPANT_REMOVED&lang=en")
                        .body())
                .contains("Events: participant removed from the list “" + renamed + "”");
        admin.get("/admin/dziennik?lang=pl");
    }

    private String regionId() {
        return jdbc.sql("select id from region where slug = 'lubuskie'")
                .query(Long.class)
                .single()
                .toString();
    }

    private static String[] event(String title, String startTime) {
        return new String[] {
            "title", title, "type", "WEBINAR", "level", "NATIONAL", "format", "ONLINE", "startDate", "2027-06-10",
            "startTime", startTime, "endTime", "13:00", "seatsOnSite", "0", "seatsOnline", "50", "audience", "ANYONE",
            "onlineLink", "https://spotkanie.example/audyt"
        };
    }
}
