package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.advisory.internal.AdvisoryRequest;
import pl.koordes.advisory.internal.AdvisoryStore;
import pl.koordes.support.IntegrationTest;

/** The demo has cases in every state across regions and topics, with hours to the quarter and ratings. */
@IntegrationTest
class AdvisoryDemoDataIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdvisoryStore store;

    @Test
    void casesInEveryStateWithSessionsHoursAndRatings() {
        List<String> states = jdbc.sql("select distinct status from advisory_request")
                .query(String.class)
                .list();
        assertThat(states)
                .containsExactlyInAnyOrder(List.of(AdvisoryStatus.values()).stream()
                        .map(Enum::name)
                        .toArray(String[]::new));
        assertThat(jdbc.sql("select count(*) from advisory_request")
                        .query(Integer.class)
                        .single())
                .isBetween(18, 24);
        assertThat(jdbc.sql("select count(distinct region_id) from advisory_request")
                        .query(Integer.class)
                        .single())
                .isEqualTo(16);
        assertThat(jdbc.sql("select count(*) from advisory_request where rating is not null")
                        .query(Integer.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("select coalesce(sum(hours), 0) from advisory_session")
                        .query(Double.class)
                        .single())
                .isPositive();

        long completed = jdbc.sql("select min(id) from advisory_request where status = 'COMPLETED'")
                .query(Long.class)
                .single();
        AdvisoryRequest request = store.find(completed).orElseThrow();
        assertThat(request.finalRecommendation()).isNotBlank();
        assertThat(store.assignedExperts(completed)).isNotEmpty();
    }
}
