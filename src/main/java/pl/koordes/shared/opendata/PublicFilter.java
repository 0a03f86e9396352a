package pl.koordes.shared.opendata;

/** A filter a {@link PublicDataset} may honour. */
public enum PublicFilter {
    /** Only items of one region ({@link PublicQuery#regionId()}). */
    REGION,
    /** Only items whose date (the collection says which) lies in a range of days, both ends included. */
    DATE
}
