package pl.koordes.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.directory.internal.Committee;
import pl.koordes.directory.internal.CommitteeFunction;
import pl.koordes.directory.internal.CommitteeMember;
import pl.koordes.directory.internal.DirectoryProfiles;
import pl.koordes.directory.internal.RegionProfile;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;

/** The public directory on a real PostgreSQL with the reference data and the demo committees. */
@IntegrationTest
class DirectoryPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    DirectoryProfiles profiles;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void theDirectoryHoldsTheSixteenVoivodeshipsWithTerytCodesAndSevenMacroregions() {
        List<Region> regions = directory.regions();
        assertThat(regions).hasSize(16);
        assertThat(regions)
                .extracting(Region::teryt)
                .containsExactlyInAnyOrder(
                        "02", "04", "06", "08", "10", "12", "14", "16", "18", "20", "22", "24", "26", "28", "30", "32");
        // Polish alphabetical order: łódzkie after lubuskie, śląskie after pomorskie.
        assertThat(regions).extracting(Region::slug).containsSubsequence("lubuskie", "lodzkie", "malopolskie");
        assertThat(regions).extracting(Region::slug).containsSubsequence("pomorskie", "slaskie", "swietokrzyskie");
        assertThat(directory.macroregions())
                .extracting(Macroregion::code)
                .containsExactly("PL2", "PL4", "PL5", "PL6", "PL7", "PL8", "PL9");
    }

    @Test
    void theRegionsPageShowsTheMapAndTheSameLinksAsAList() {
        HttpResponse<String> response = http.get("/regiony");
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).contains("16 regionów w 7 makroregionach");
        String map = body.substring(body.indexOf("<svg"), body.indexOf("</svg>"));
        String list = body.substring(body.indexOf("class=\"region-list\""));
        for (Region region : directory.regions()) {
            assertThat(map)
                    .as("map link of " + region.slug())
                    .contains("href=\"/regiony/" + region.slug() + "\" aria-label=\"Województwo " + region.namePl()
                            + "\"");
            assertThat(list).as("list link of " + region.slug()).contains("href=\"/regiony/" + region.slug() + "\"");
        }
        assertThat(count(map, "<path ")).isEqualTo(16);
    }

    @Test
    void everyRegionHasItsPageWithSeatRopsAndCommittee() {
        for (Region region : directory.regions()) {
            HttpResponse<String> response = http.get("/regiony/" + region.slug());
            assertThat(response.statusCode()).as(region.slug()).isEqualTo(200);
            assertThat(response.body())
                    .contains("<h1>Województwo " + region.namePl() + "</h1>")
                    .contains(region.seat())
                    .contains("Regionalny Komitet Rozwoju Ekonomii Społecznej")
                    .contains("aria-current=\"page\"");
        }
    }

    @Test
    void aRegionPageShowsTheRopsWithContactsAndTheCommitteesCurrentMembers() {
        String body = http.get("/regiony/malopolskie").body();
        assertThat(body)
                .contains("Regionalny Ośrodek Polityki Społecznej w Krakowie")
                .contains("Kraków")
                .contains(">12<")
                .contains("href=\"/makroregiony/poludniowy\"")
                .contains("sekretariat@rops-malopolskie.example")
                .contains("Kadencja: 01.01.2025 – 31.12.2027");
        RegionProfile profile = profiles.regionProfile("malopolskie").orElseThrow();
        Committee committee = profile.committee().orElseThrow();
        assertThat(committee.members()).isNotEmpty();
        assertThat(committee.members().getFirst().function()).isEqualTo(CommitteeFunction.CHAIR);
        for (CommitteeMember member : committee.members()) {
            assertThat(body).contains(member.fullName());
        }
        assertThat(body).containsPattern(committee.members().size() + " os(oby|ób) w składzie");
    }

    @Test
    void aMacroregionPageListsItsRegions() {
        HttpResponse<String> response = http.get("/makroregiony/poludniowy");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("Makroregion południowy")
                .contains("/regiony/malopolskie")
                .contains("/regiony/slaskie")
                .doesNotContain("/regiony/mazowieckie\"")
                .contains("2 regiony");
        assertThat(http.get("/makroregiony/wojewodztwo-mazowieckie").body()).contains("1 region,");
    }

    @Test
    void anUnknownRegionIsA404PageInPolish() {
        HttpResponse<String> response = http.get("/regiony/atlantyda");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .contains("<html lang=\"pl\">")
                .contains("Nie znaleziono strony")
                .doesNotContain("Exception")
                .doesNotContain("at pl.koordes");
        assertThat(http.get("/makroregiony/atlantyda").statusCode()).isEqualTo(404);
    }

    @Test
    void hostileSlugsAreEscapedNotFoundsNeverErrors() {
        for (String slug : List.of(
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "'%20or%201=1--", "..%2F..%2Fetc%2Fpasswd", "ZA%C5%BB%C3%93%C5%81%C4%86", "a".repeat(2000))) {
            HttpResponse<String> response = http.get("/regiony/" + slug);
            assertThat(response.statusCode()).as(slug).isBetween(400, 499);
            assertThat(response.body()).as(slug).doesNotContain("<script>alert(1)</script>");
        }
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
