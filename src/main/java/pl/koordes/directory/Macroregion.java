package pl.koordes.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A group of regions for macro-regional meetings (NUTS-1 by default).
 *
 * @param code the NUTS-1 code, e.g. PL2
 */
public record Macroregion(long id, String code, String slug, String namePl, String nameEn) {

    /**
     * One row of a select of {@code id, code, slug, name_pl, name_en}, each column named with
     * {@code prefix} before it where a join names them apart ({@code m_id}).
     */
    public static Macroregion of(ResultSet rs, String prefix) throws SQLException {
        return new Macroregion(
                rs.getLong(prefix + "id"),
                rs.getString(prefix + "code"),
                rs.getString(prefix + "slug"),
                rs.getString(prefix + "name_pl"),
                rs.getString(prefix + "name_en"));
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : namePl;
    }

    public String href() {
        return "/makroregiony/" + slug;
    }
}
