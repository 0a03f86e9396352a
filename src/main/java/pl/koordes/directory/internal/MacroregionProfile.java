package pl.koordes.directory;

import java.util.List;

/** A macroregion with the regions it groups. */
public record MacroregionProfile(Macroregion macroregion, List<Region> regions) {
}
