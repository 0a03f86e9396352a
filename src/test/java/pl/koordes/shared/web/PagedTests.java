package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagedTests {

    @Test
    void countsPagesWithAnEmptyListBeingOnePage() {
        assertThat(new Paged<>(List.of(), 1, 10, 0).pages()).isEqualTo(1);
        assertThat(new Paged<>(List.of(), 1, 10, 10).pages()).isEqualTo(1);
        assertThat(new Paged<>(List.of(), 1, 10, 11).pages()).isEqualTo(2);
        assertThat(new Paged<>(List.of(), 1, 1, Long.MAX_VALUE / 2).pages()).isEqualTo(Paged.MAX_PAGE);
        assertThatThrownBy(() -> new Paged<>(List.of(), 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsItsNeighbours() {
        Paged<String> first = new Paged<>(List.of("a"), 1, 10, 25);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        Paged<String> last = new Paged<>(List.of("a"), 3, 10, 25);
        assertThat(last.hasPrevious()).isTrue();
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void linksTheFirstTheLastAndTwoAroundTheCurrentPage() {
        assertThat(new Paged<>(List.of(), 1, 10, 30).numbers()).containsExactly(1, 2, 3);
        assertThat(new Paged<>(List.of(), 1, 10, 100).numbers()).containsExactly(1, 2, 3, Paged.GAP, 10);
        assertThat(new Paged<>(List.of(), 6, 10, 100).numbers())
                .containsExactly(1, Paged.GAP, 4, 5, 6, 7, 8, Paged.GAP, 10);
        assertThat(new Paged<>(List.of(), 4, 10, 100).numbers()).containsExactly(1, 2, 3, 4, 5, 6, Paged.GAP, 10);
        // A number past the end (typed in the address) links as if on the last page.
        assertThat(new Paged<>(List.of(), 99, 10, 100).numbers()).containsExactly(1, Paged.GAP, 8, 9, 10);
    }

    @Test
    void readsPageNumbersFromTheAddressHarmlessly() {
        assertThat(Paged.number(null)).isEqualTo(1);
        assertThat(Paged.number("")).isEqualTo(1);
        assertThat(Paged.number("abc")).isEqualTo(1);
        assertThat(Paged.number("-3")).isEqualTo(1);
        assertThat(Paged.number("0")).isEqualTo(1);
        assertThat(Paged.number(" 7 ")).isEqualTo(7);
        assertThat(Paged.number("999999999")).isEqualTo(Paged.MAX_PAGE);
        assertThat(Paged.number("99999999999999")).isEqualTo(1);
    }

    @Test
    void movesARequestedPageIntoTheList() {
        assertThat(Paged.within(-1, 25, 10)).isEqualTo(1);
        assertThat(Paged.within(2, 25, 10)).isEqualTo(2);
        assertThat(Paged.within(9, 25, 10)).isEqualTo(3);
        assertThat(Paged.within(9, 0, 10)).isEqualTo(1);
        assertThat(Paged.offset(3, 10)).isEqualTo(20);
    }
}
