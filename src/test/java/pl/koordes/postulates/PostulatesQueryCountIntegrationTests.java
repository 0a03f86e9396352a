package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;

/**
 * The public list (first page, a filtered page, a deep page), a postulate's page with its timeline, the
 * statistics and the region page run the same number of statements with 100 postulates and with 10,000
 * (issue 13, "Speed"): counted on the request threads only.
 */
@IntegrationTest
@Import(TestExtensions.class)
class PostulatesQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeGenerated() {
        PublicTesting.removeGenerated(jdbc);
    }

    private List<String> pages() {
        long answered = jdbc.sql("""
                        select min(p.id) from postulates_postulate p
                        where p.status = 'REJECTED' and exists (select 1 from postulates_step s
                                                                 where s.postulate_id = p.id and s.kind = 'ANSWERED')
                          and p.title not like 'Postulat generowany %'""").query(Long.class).single();
        return List.of(
                "/postulaty",
                "/postulaty?status=po-terminie&obszar=II&wojewodztwo=malopolskie",
                "/postulaty?strona=3",
                "/postulaty/" + answered,
                "/postulaty/statystyki",
                "/postulaty/statystyki?rok=2025",
                "/regiony/malopolskie");
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String path : pages()) {
            new Http(port).get(path);
            statements.reset();
            assertThat(new Http(port).get(path).statusCode()).as(path).isEqualTo(200);
            counts.put(path, statements.count());
        }
        return counts;
    }

    @Test
    void theListAPostulateTheStatisticsAndTheRegionPageRunTheSameStatementsWith100And10000Postulates() {
        long existing = jdbc.sql("select count(*) from postulates_postulate")
                .query(Long.class)
                .single();
        PublicTesting.generate(jdbc, (int) (100 - existing));
        assertThat(jdbc.sql("select count(*) from postulates_postulate")
                        .query(Long.class)
                        .single())
                .isEqualTo(100);
        Map<String, Integer> few = counts();
        assertThat(few.values())
                .allSatisfy(count -> assertThat(count).isPositive().isLessThanOrEqualTo(20));

        PublicTesting.generate(jdbc, 9_900);
        assertThat(jdbc.sql("select count(*) from postulates_postulate")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(10_000);
        assertThat(new Http(port).get("/postulaty").body()).contains("Znaleziono ");
        Map<String, Integer> many = counts();
        assertThat(many).isEqualTo(few);
    }
}
