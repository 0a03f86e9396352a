package pl.koordes.committees.internal;

import pl.koordes.directory.CommitteeTerm;
import pl.koordes.directory.Region;

/** A region's committee as its space (/komitet/{slug}) shows it: the region and the committee's current term. */
public record CommitteeSpace(Region region, CommitteeTerm committee) {}
