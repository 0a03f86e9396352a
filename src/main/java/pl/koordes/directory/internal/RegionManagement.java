package pl.koordes.directory.internal;

import static pl.koordes.directory.internal.DirectoryChanges.optional;
import static pl.koordes.directory.internal.DirectoryChanges.required;

import jakarta.validation.Valid;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import pl.koordes.directory.DirectoryAction;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.web.Slugs;

/**
 * Regions and macroregions: an administrator renames a region or moves it to another macroregion,
 * creates and edits macroregions; a region's coordinator writes its public description.
 */
@Service
@Validated
@Transactional
public class RegionManagement {

    /** Length of the {@code slug} columns. */
    private static final int SLUG_LENGTH = 80;

    private final JdbcClient jdbc;
    private final DirectoryChanges changes;

    RegionManagement(JdbcClient jdbc, DirectoryChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public void editRegion(long id, @Valid RegionForm form) {
        Map<String, @Nullable Object> before = changes.region(id).orElseThrow(() -> new NotFound("region", id));
        if (form.macroregionId() == null
                || !exists("select exists (select 1 from macroregion where id = :id)", form.macroregionId())) {
            throw Refused.field("macroregionId", "directory.admin.macroregion.unknown");
        }
        jdbc.sql(
                        "update region set name_pl = :namePl, name_en = :nameEn, seat = :seat, macroregion_id = :macroregion where id = :id")
                .param("namePl", required(form.namePl()))
                .param("nameEn", required(form.nameEn()))
                .param("seat", required(form.seat()))
                .param("macroregion", form.macroregionId())
                .param("id", id)
                .update();
        changes.publish(
                DirectoryAction.DIRECTORY_REGION_UPDATED,
                "region",
                id,
                before,
                changes.region(id).orElseThrow());
    }

    /** A region's public profile text, written by its coordinator. */
    public void editRegionDescription(long regionId, @Valid RegionDescriptionForm form) {
        Map<String, @Nullable Object> before =
                changes.regionDescription(regionId).orElseThrow(() -> new NotFound("region", regionId));
        jdbc.sql("update region set description_pl = :pl, description_en = :en where id = :id")
                .param("pl", optional(form.descriptionPl()))
                .param("en", optional(form.descriptionEn()))
                .param("id", regionId)
                .update();
        changes.publish(
                DirectoryAction.DIRECTORY_REGION_DESCRIPTION_UPDATED,
                "region",
                regionId,
                before,
                changes.regionDescription(regionId).orElseThrow());
    }

    public long createMacroregion(@Valid MacroregionForm form) {
        String code = code(form.code());
        requireFreeCode(code, null);
        String slug = freeSlug(Slugs.of(required(form.namePl())), code);
        long id = jdbc.sql("""
                        insert into macroregion (code, slug, name_pl, name_en, sort_order)
                        values (:code, :slug, :namePl, :nameEn, :sortOrder) returning id
                        """)
                .param("code", code)
                .param("slug", slug)
                .param("namePl", required(form.namePl()))
                .param("nameEn", required(form.nameEn()))
                .param("sortOrder", form.sortOrder())
                .query(Long.class)
                .single();
        changes.publish(
                DirectoryAction.DIRECTORY_MACROREGION_CREATED,
                "macroregion",
                id,
                null,
                changes.macroregion(id).orElseThrow());
        return id;
    }

    /** Changes a macroregion; its web address stays as it was made, so that links keep working. */
    public void editMacroregion(long id, @Valid MacroregionForm form) {
        Map<String, @Nullable Object> before =
                changes.macroregion(id).orElseThrow(() -> new NotFound("macroregion", id));
        String code = code(form.code());
        requireFreeCode(code, id);
        jdbc.sql(
                        "update macroregion set code = :code, name_pl = :namePl, name_en = :nameEn, sort_order = :sortOrder where id = :id")
                .param("code", code)
                .param("namePl", required(form.namePl()))
                .param("nameEn", required(form.nameEn()))
                .param("sortOrder", form.sortOrder())
                .param("id", id)
                .update();
        changes.publish(
                DirectoryAction.DIRECTORY_MACROREGION_UPDATED,
                "macroregion",
                id,
                before,
                changes.macroregion(id).orElseThrow());
    }

    private void requireFreeCode(String code, @Nullable Long except) {
        boolean taken = Boolean.TRUE.equals(jdbc.sql("""
                        select exists (select 1 from macroregion where upper(code) = :code and id <> coalesce(:except, -1))
                        """)
                .param("code", code)
                .param("except", except, Types.BIGINT)
                .query(Boolean.class)
                .single());
        if (taken) {
            throw Refused.field("code", "directory.admin.code.taken");
        }
    }

    private boolean exists(String sql, long id) {
        return Boolean.TRUE.equals(
                jdbc.sql(sql).param("id", id).query(Boolean.class).single());
    }

    /** A slug from the name, cut to the column's length, made unique with a number when needed. */
    private String freeSlug(String fromName, String code) {
        String base = fromName.isEmpty() ? Slugs.of(code) : fromName;
        if (base.isEmpty()) {
            base = "makroregion";
        }
        base = cut(base, SLUG_LENGTH - 4);
        List<String> taken = jdbc.sql("select slug from macroregion where slug = :base or slug like :pattern")
                .param("base", base)
                .param("pattern", base + "-%")
                .query(String.class)
                .list();
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static String cut(String slug, int length) {
        String cut = slug.length() <= length ? slug : slug.substring(0, length);
        return cut.replaceAll("-+$", "");
    }

    private static String code(@Nullable String code) {
        return required(code).toUpperCase(Locale.ROOT);
    }
}
