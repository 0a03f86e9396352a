package pl.koordes.committees;

/** What a committee adopts: a resolution ("Uchwała nr 5/2026") or an opinion ("Opinia nr 2/2026"), numbered apart. */
public enum ResolutionKind {
    RESOLUTION,
    OPINION
}
