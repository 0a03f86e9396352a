package pl.koordes.directory;

import java.time.LocalDate;

/** A region's committee (RKRES) in one term, as other modules see it. */
public record CommitteeTerm(long id, long regionId, String name, LocalDate termStart, LocalDate termEnd) {

    /** Whether the term covers the day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(termStart) && !day.isAfter(termEnd);
    }
}
