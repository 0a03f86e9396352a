package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowIndexesTests {

    @Test
    void rowsWithinSpringsGrowthLimitPassAndRowsPastItDoNot() {
        assertThat(RowIndexes.pastTheLimit("targets[0].year")).isFalse();
        assertThat(RowIndexes.pastTheLimit("agenda[255].title")).isFalse();
        assertThat(RowIndexes.pastTheLimit("title")).isFalse();
        assertThat(RowIndexes.pastTheLimit("agenda[256].title")).isTrue();
        assertThat(RowIndexes.pastTheLimit("targets[100000].year")).isTrue();
        assertThat(RowIndexes.pastTheLimit("a[1].b[99999999999999999999].c")).isTrue();
    }
}
