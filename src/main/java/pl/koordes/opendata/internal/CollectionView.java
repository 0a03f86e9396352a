package pl.koordes.opendata.internal;

import pl.koordes.shared.opendata.PublicDataset;

/** One collection as the documentation page shows it, with the addresses of its list and CSV. */
public record CollectionView(PublicDataset dataset, String list, String csv, boolean byRegion, boolean byDate) {}
