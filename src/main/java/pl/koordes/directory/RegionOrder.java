package pl.koordes.directory;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/** Polish alphabetical order (ł after l, ś after s), which the database's default collation may not give. */
final class RegionOrder {

    static final Comparator<Region> POLISH =
            Comparator.comparing(Region::namePl, Collator.getInstance(Locale.forLanguageTag("pl-PL")));

    private RegionOrder() {}
}
