package pl.koordes.directory.web.admin;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.InstitutionKind;

/** An institution in the administration list. */
public record InstitutionRow(
        long id,
        InstitutionKind kind,
        String name,
        @Nullable String regionNamePl,
        @Nullable String regionNameEn,
        @Nullable String city,
        @Nullable String email) {

    /** The region's name in the reader's language, or null for an institution without a region. */
    public @Nullable String regionName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? regionNameEn : regionNamePl;
    }

    public String href() {
        return "/admin/katalog/instytucje/" + id;
    }
}
