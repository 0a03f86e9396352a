package pl.koordes.directory.internal;

import java.util.List;
import pl.koordes.directory.Macroregion;
import pl.koordes.directory.Region;

/** A macroregion with the regions it groups. */
public record MacroregionProfile(Macroregion macroregion, List<Region> regions) {}
