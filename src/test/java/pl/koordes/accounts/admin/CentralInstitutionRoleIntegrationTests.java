package pl.koordes.accounts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.accounts.InvitePersonForm;
import pl.koordes.accounts.PeopleManagement;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The central-institution role is held for one central institution, chosen in the role forms: granting
 * or inviting with it without an institution is refused beside the field, the person page names the
 * institution ("Instytucja centralna — MFiPR"), and revoking takes away exactly that one.
 */
@IntegrationTest
class CentralInstitutionRoleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PeopleManagement people;

    @Test
    void theRoleIsGrantedForAChosenInstitutionAndRevokedAgain() {
        SignedInClient admin = AdminSession.administrator(port);
        long id = people.invitePerson(
                new InvitePersonForm(
                        "urzednik.funduszy@example.org",
                        "Urzędnik Funduszy",
                        "pl",
                        List.of("PARTICIPANT"),
                        List.of("")),
                administratorUser());
        long mfipr = jdbc.sql("select id from institution where short_name = 'MFiPR' and kind = 'CENTRAL'")
                .query(Long.class)
                .single();
        String page = "/admin/osoby/" + id;
        assertThat(admin.get(page).body()).contains("value=\"instytucja-" + mfipr + "\"");

        HttpResponse<String> none = admin.submit(page, page + "/role", "role", "CENTRAL_INSTITUTION", "region", "");
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body())
                .contains("id=\"region-error\"")
                .contains("Instytucja centralna musi mieć wybraną instytucję");
        HttpResponse<String> aRegion =
                admin.submit(page, page + "/role", "role", "CENTRAL_INSTITUTION", "region", "slaskie");
        assertThat(aRegion.statusCode()).isEqualTo(422);
        assertThat(admin.submit(page, page + "/role", "role", "CENTRAL_INSTITUTION", "region", "instytucja-1")
                        .statusCode())
                .as("an institution that is not central")
                .isIn(302, 422);
        assertThat(admin.submit(page, page + "/role", "role", "CENTRAL_INSTITUTION", "region", "instytucja-" + mfipr)
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql(
                                "select institution_id from role_assignment where account_id = :id and role = 'CENTRAL_INSTITUTION'")
                        .param("id", id)
                        .query(Long.class)
                        .list())
                .containsExactly(mfipr);
        assertThat(admin.get(page).body()).contains("Instytucja centralna — MFiPR");

        assertThat(admin.submit(
                                page,
                                page + "/role/odbierz",
                                "role",
                                "CENTRAL_INSTITUTION",
                                "region",
                                "instytucja-" + mfipr,
                                "potwierdzenie",
                                "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql(
                                "select count(*) from role_assignment where account_id = :id and role = 'CENTRAL_INSTITUTION'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anInvitationWithTheRoleNeedsAnInstitution() {
        SignedInClient admin = AdminSession.administrator(port);
        HttpResponse<String> refused = admin.submit(
                "/admin/osoby/zapros",
                "/admin/osoby/zapros",
                "email",
                "ministerialna.osoba@example.org",
                "displayName",
                "Osoba Ministerialna",
                "language",
                "pl",
                "role",
                "CENTRAL_INSTITUTION",
                "region",
                "");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from account where email = 'ministerialna.osoba@example.org'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(refused.body()).contains("Instytucje centralne");
    }

    private CurrentUser administratorUser() {
        long id = jdbc.sql("select id from account where email = :email")
                .param("email", DemoAccounts.ADMINISTRATOR)
                .query(Long.class)
                .single();
        return new CurrentUser(id, DemoAccounts.ADMINISTRATOR, "Ada Administracyjna", List.of(), "pl");
    }
}
