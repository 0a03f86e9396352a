package pl.koordes.directory;

import org.jspecify.annotations.Nullable;

/**
 * A central institution (a ministry, a national fund) that the regions address postulates to.
 *
 * @param shortName the abbreviation used in lists and charts (MRPiPS), or null
 */
public record CentralInstitution(
        long id, String name, @Nullable String shortName) {

    /** The abbreviation where there is one, for narrow places; the full name otherwise. */
    public String label() {
        return shortName == null || shortName.isBlank() ? name : shortName;
    }
}
