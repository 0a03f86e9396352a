package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowIndexFilterTests {

    @Test
    void rowsWithinSpringsGrowthLimitPassAndRowsPastItDoNot() {
        assertThat(RowIndexFilter.pastTheLimit("targets[0].year")).isFalse();
        assertThat(RowIndexFilter.pastTheLimit("agenda[255].title")).isFalse();
        assertThat(RowIndexFilter.pastTheLimit("title")).isFalse();
        assertThat(RowIndexFilter.pastTheLimit("agenda[256].title")).isTrue();
        assertThat(RowIndexFilter.pastTheLimit("targets[100000].year")).isTrue();
        assertThat(RowIndexFilter.pastTheLimit("a[1].b[99999999999999999999].c"))
                .isTrue();
    }
}
