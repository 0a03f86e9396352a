package pl.koordes.directory.web.admin;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A committee as administration lists show it: its region (none for the national committee) and term. */
public record CommitteeRow(
        long id,
        @Nullable Long regionId,
        @Nullable String regionNamePl,
        @Nullable String regionNameEn,
        String name,
        LocalDate termStart,
        LocalDate termEnd,
        int currentMembers) {

    /** The region's name in the reader's language, or null for the national committee. */
    public @Nullable String regionName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? regionNameEn : regionNamePl;
    }

    public String href() {
        return "/admin/katalog/komitety/" + id;
    }
}
