package pl.koordes.directory;

import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Slugs;

/**
 * The one write path of the directory: administrators edit regions, macroregions, institutions,
 * committees and memberships here. Each change publishes a {@link DirectoryChanged} in its transaction.
 */
@Service
@Validated
@Transactional
public class DirectoryEditing {

    /** Length of the {@code slug} columns. */
    private static final int SLUG_LENGTH = 80;
    /** Dates outside these are typing mistakes (and some would not fit the database). */
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public DirectoryEditing(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The record to change does not exist (any more). */
    public static final class NotFound extends RuntimeException {

        public NotFound(String what) {
            super(what + " not found");
        }
    }

    /**
     * The change is refused for a reason the form did not catch: a code already taken, a region that
     * no longer exists, an institution something refers to.
     *
     * @see #field()
     */
    public static final class Refused extends RuntimeException {

        private final @Nullable String field;
        private final String messageKey;

        public Refused(@Nullable String field, String messageKey) {
            super(messageKey);
            this.field = field;
            this.messageKey = messageKey;
        }

        /** The form field to show the message beside, or null for the form as a whole. */
        public @Nullable String field() {
            return field;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    // Regions

    public void editRegion(long id, @Valid RegionForm form) {
        Map<String, @Nullable Object> before = regionSnapshot(id).orElseThrow(() -> new NotFound("region"));
        requireMacroregion(form.macroregionId(), "macroregionId");
        jdbc.sql("update region set name_pl = :namePl, name_en = :nameEn, seat = :seat, macroregion_id = :macroregion where id = :id")
                .param("namePl", text(form.namePl()))
                .param("nameEn", text(form.nameEn()))
                .param("seat", text(form.seat()))
                .param("macroregion", form.macroregionId())
                .param("id", id)
                .update();
        publish("DIRECTORY_REGION_UPDATED", "region", id, before, regionSnapshot(id).orElseThrow());
    }

    /** A region's public profile text, written by its coordinator. */
    public void editRegionDescription(long regionId, @Valid RegionDescriptionForm form) {
        Map<String, @Nullable Object> before = regionDescriptionSnapshot(regionId).orElseThrow(() -> new NotFound("region"));
        jdbc.sql("update region set description_pl = :pl, description_en = :en where id = :id")
                .param("pl", optionalLongText(form.descriptionPl()))
                .param("en", optionalLongText(form.descriptionEn()))
                .param("id", regionId)
                .update();
        publish("DIRECTORY_REGION_DESCRIPTION_UPDATED", "region", regionId, before,
                regionDescriptionSnapshot(regionId).orElseThrow());
    }

    /** The public contact details of a region's ROPS (the first one, should there be several). */
    public void editRopsContact(long regionId, @Valid ContactForm form) {
        Long id = jdbc.sql("select id from institution where region_id = :region and kind = 'ROPS' order by id limit 1")
                .param("region", regionId).query(Long.class).optional().orElseThrow(() -> new NotFound("ROPS"));
        Map<String, @Nullable Object> before = institutionSnapshot(id).orElseThrow(() -> new NotFound("institution"));
        jdbc.sql("""
                        update institution set street = :street, postal_code = :postalCode, city = :city, email = :email,
                               phone = :phone, website = :website, updated_at = now()
                        where id = :id
                        """)
                .param("street", optionalText(form.street()))
                .param("postalCode", optionalText(form.postalCode()))
                .param("city", optionalText(form.city()))
                .param("email", optionalText(form.email()))
                .param("phone", optionalText(form.phone()))
                .param("website", optionalText(form.website()))
                .param("id", id)
                .update();
        publish("DIRECTORY_INSTITUTION_UPDATED", "institution", id, before, institutionSnapshot(id).orElseThrow());
    }

    // Macroregions

    public long createMacroregion(@Valid MacroregionForm form) {
        String code = code(form.code());
        requireFreeCode(code, null);
        String slug = freeSlug(Slugs.of(text(form.namePl())), code);
        long id = jdbc.sql("""
                        insert into macroregion (code, slug, name_pl, name_en, sort_order)
                        values (:code, :slug, :namePl, :nameEn, :sortOrder) returning id
                        """)
                .param("code", code)
                .param("slug", slug)
                .param("namePl", text(form.namePl()))
                .param("nameEn", text(form.nameEn()))
                .param("sortOrder", form.sortOrder())
                .query(Long.class).single();
        publish("DIRECTORY_MACROREGION_CREATED", "macroregion", id, null, macroregionSnapshot(id).orElseThrow());
        return id;
    }

    /** Changes a macroregion; its web address stays as it was made, so that links keep working. */
    public void editMacroregion(long id, @Valid MacroregionForm form) {
        Map<String, @Nullable Object> before = macroregionSnapshot(id).orElseThrow(() -> new NotFound("macroregion"));
        String code = code(form.code());
        requireFreeCode(code, id);
        jdbc.sql("update macroregion set code = :code, name_pl = :namePl, name_en = :nameEn, sort_order = :sortOrder where id = :id")
                .param("code", code)
                .param("namePl", text(form.namePl()))
                .param("nameEn", text(form.nameEn()))
                .param("sortOrder", form.sortOrder())
                .param("id", id)
                .update();
        publish("DIRECTORY_MACROREGION_UPDATED", "macroregion", id, before, macroregionSnapshot(id).orElseThrow());
    }

    // Institutions

    public long createInstitution(@Valid InstitutionForm form) {
        requireRegion(form.regionId());
        long id = jdbc.sql("""
                        insert into institution (kind, name, region_id, street, postal_code, city, email, phone, website)
                        values (:kind, :name, :region, :street, :postalCode, :city, :email, :phone, :website) returning id
                        """)
                .params(institutionParameters(form))
                .query(Long.class).single();
        publish("DIRECTORY_INSTITUTION_CREATED", "institution", id, null, institutionSnapshot(id).orElseThrow());
        return id;
    }

    public void editInstitution(long id, @Valid InstitutionForm form) {
        Map<String, @Nullable Object> before = institutionSnapshot(id).orElseThrow(() -> new NotFound("institution"));
        requireRegion(form.regionId());
        Map<String, @Nullable Object> parameters = institutionParameters(form);
        parameters.put("id", id);
        jdbc.sql("""
                        update institution set kind = :kind, name = :name, region_id = :region, street = :street,
                               postal_code = :postalCode, city = :city, email = :email, phone = :phone, website = :website,
                               updated_at = now()
                        where id = :id
                        """)
                .params(parameters)
                .update();
        publish("DIRECTORY_INSTITUTION_UPDATED", "institution", id, before, institutionSnapshot(id).orElseThrow());
    }

    /** Deletes an institution nothing refers to; one that other records point at is {@link Refused}. */
    public void deleteInstitution(long id) {
        Map<String, @Nullable Object> before = institutionSnapshot(id).orElseThrow(() -> new NotFound("institution"));
        if (referenced(id)) {
            throw new Refused(null, "directory.admin.institution.inUse");
        }
        jdbc.sql("delete from institution where id = :id").param("id", id).update();
        publish("DIRECTORY_INSTITUTION_DELETED", "institution", id, before, null);
    }

    /** Whether what is there to delete is referred to, now or by a module added later: any foreign key counts. */
    @Transactional(readOnly = true)
    public boolean institutionInUse(long id) {
        return referenced(id);
    }

    private boolean referenced(long id) {
        List<String> checks = jdbc.sql("""
                        select format('select exists (select 1 from %s where %I = :id)', c.conrelid::regclass, a.attname)
                        from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                        where c.contype = 'f' and c.confrelid = 'institution'::regclass
                        """)
                .query(String.class).list();
        for (String check : checks) {
            if (Boolean.TRUE.equals(jdbc.sql(check).param("id", id).query(Boolean.class).single())) {
                return true;
            }
        }
        return false;
    }

    // Committees

    public long createCommittee(@Valid CommitteeForm form) {
        requireRegion(form.regionId());
        long id = jdbc.sql("""
                        insert into committee (region_id, name, term_start, term_end)
                        values (:region, :name, :termStart, :termEnd) returning id
                        """)
                .param("region", form.regionId())
                .param("name", text(form.name()))
                .param("termStart", form.termStart())
                .param("termEnd", form.termEnd())
                .query(Long.class).single();
        publish("DIRECTORY_COMMITTEE_CREATED", "committee", id, null, committeeSnapshot(id).orElseThrow());
        return id;
    }

    public void editCommittee(long id, @Valid CommitteeForm form) {
        Map<String, @Nullable Object> before = committeeSnapshot(id).orElseThrow(() -> new NotFound("committee"));
        requireRegion(form.regionId());
        jdbc.sql("update committee set region_id = :region, name = :name, term_start = :termStart, term_end = :termEnd where id = :id")
                .param("region", form.regionId())
                .param("name", text(form.name()))
                .param("termStart", form.termStart())
                .param("termEnd", form.termEnd())
                .param("id", id)
                .update();
        publish("DIRECTORY_COMMITTEE_UPDATED", "committee", id, before, committeeSnapshot(id).orElseThrow());
    }

    // Memberships

    public long addMembership(long committeeId, @Valid MembershipForm form) {
        return insertMembership(committeeId, form, new MemberContactForm(null, null));
    }

    /** Adds a membership with the member's non-public contact details. */
    public long addMembership(long committeeId, @Valid MembershipForm form, @Valid MemberContactForm contact) {
        return insertMembership(committeeId, form, contact);
    }

    private long insertMembership(long committeeId, MembershipForm form, MemberContactForm contact) {
        committeeSnapshot(committeeId).orElseThrow(() -> new NotFound("committee"));
        long id = jdbc.sql("""
                        insert into committee_membership (committee_id, full_name, organisation, sector, function, term_start,
                                                          term_end, email, phone)
                        values (:committee, :fullName, :organisation, :sector, :function, :termStart, :termEnd, :email, :phone)
                        returning id
                        """)
                .params(membershipParameters(form))
                .param("committee", committeeId)
                .param("email", optionalText(contact.email()))
                .param("phone", optionalText(contact.phone()))
                .query(Long.class).single();
        publish("DIRECTORY_MEMBERSHIP_ADDED", "committee_membership", id, null, membershipSnapshot(committeeId, id).orElseThrow());
        return id;
    }

    /** Changes a membership and the member's non-public contact details. */
    public void editMembership(long committeeId, long membershipId, @Valid MembershipForm form,
            @Valid MemberContactForm contact) {
        Map<String, @Nullable Object> before = membershipSnapshot(committeeId, membershipId)
                .orElseThrow(() -> new NotFound("membership"));
        updateMembership(committeeId, membershipId, form);
        updateContact(committeeId, membershipId, contact);
        publish("DIRECTORY_MEMBERSHIP_UPDATED", "committee_membership", membershipId, before,
                membershipSnapshot(committeeId, membershipId).orElseThrow());
    }

    private void updateContact(long committeeId, long membershipId, MemberContactForm contact) {
        jdbc.sql("update committee_membership set email = :email, phone = :phone where id = :id and committee_id = :committee")
                .param("email", optionalText(contact.email()))
                .param("phone", optionalText(contact.phone()))
                .param("id", membershipId)
                .param("committee", committeeId)
                .update();
    }

    /** Changes a membership; the member's contact details stay as they are. */
    public void editMembership(long committeeId, long membershipId, @Valid MembershipForm form) {
        Map<String, @Nullable Object> before = membershipSnapshot(committeeId, membershipId)
                .orElseThrow(() -> new NotFound("membership"));
        updateMembership(committeeId, membershipId, form);
        publish("DIRECTORY_MEMBERSHIP_UPDATED", "committee_membership", membershipId, before,
                membershipSnapshot(committeeId, membershipId).orElseThrow());
    }

    private void updateMembership(long committeeId, long membershipId, MembershipForm form) {
        jdbc.sql("""
                        update committee_membership set full_name = :fullName, organisation = :organisation, sector = :sector,
                               function = :function, term_start = :termStart, term_end = :termEnd
                        where id = :id and committee_id = :committee
                        """)
                .params(membershipParameters(form))
                .param("id", membershipId)
                .param("committee", committeeId)
                .update();
    }

    /**
     * Ends a membership: {@code lastDay} becomes its last day (today in Warsaw when not given). The
     * public page lists the person up to and including that day.
     */
    public void endMembership(long committeeId, long membershipId, @Nullable LocalDate lastDay) {
        Map<String, @Nullable Object> before = membershipSnapshot(committeeId, membershipId)
                .orElseThrow(() -> new NotFound("membership"));
        LocalDate end = lastDay != null ? lastDay : today();
        if (!plausible(end)) {
            throw new Refused("end", "directory.admin.date.range");
        }
        if (end.isBefore(LocalDate.parse((String) Objects.requireNonNull(before.get("termStart"))))) {
            throw new Refused("end", "directory.admin.membershipEnd.beforeStart");
        }
        jdbc.sql("update committee_membership set term_end = :end where id = :id and committee_id = :committee")
                .param("end", end)
                .param("id", membershipId)
                .param("committee", committeeId)
                .update();
        publish("DIRECTORY_MEMBERSHIP_ENDED", "committee_membership", membershipId, before,
                membershipSnapshot(committeeId, membershipId).orElseThrow());
    }

    /** Whether a date entered for a term is one anybody could mean: between 1900 and 2999. */
    public static boolean plausible(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /** Today in Warsaw, the default last day of an ended membership. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    // Checks

    private void requireMacroregion(@Nullable Long id, String field) {
        if (id == null || !exists("select exists (select 1 from macroregion where id = :id)", id)) {
            throw new Refused(field, "directory.admin.macroregion.unknown");
        }
    }

    private void requireRegion(@Nullable Long id) {
        if (id != null && !exists("select exists (select 1 from region where id = :id)", id)) {
            throw new Refused("regionId", "directory.admin.region.unknown");
        }
    }

    private void requireFreeCode(String code, @Nullable Long except) {
        boolean taken = Boolean.TRUE.equals(jdbc.sql("""
                        select exists (select 1 from macroregion where upper(code) = :code and id <> coalesce(:except, -1))
                        """)
                .param("code", code).param("except", except, java.sql.Types.BIGINT)
                .query(Boolean.class).single());
        if (taken) {
            throw new Refused("code", "directory.admin.code.taken");
        }
    }

    private boolean exists(String sql, long id) {
        return Boolean.TRUE.equals(jdbc.sql(sql).param("id", id).query(Boolean.class).single());
    }

    /** A slug from the name, cut to the column's length, made unique with a number when needed. */
    private String freeSlug(String fromName, String code) {
        String base = fromName.isEmpty() ? Slugs.of(code) : fromName;
        if (base.isEmpty()) {
            base = "makroregion";
        }
        base = cut(base, SLUG_LENGTH - 4);
        List<String> taken = jdbc.sql("select slug from macroregion where slug = :base or slug like :pattern")
                .param("base", base).param("pattern", base + "-%")
                .query(String.class).list();
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

    // Values

    private static String code(@Nullable String code) {
        return text(code).toUpperCase(java.util.Locale.ROOT);
    }

    /** Text as stored: control characters (a pasted line break, NUL) become spaces; surrounding space goes. */
    private static String text(@Nullable String value) {
        String optional = optionalText(value);
        return optional == null ? "" : optional;
    }

    private static @Nullable String optionalText(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("\\p{Cntrl}", " ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Longer text keeps its line breaks (paragraphs); other control characters become spaces. */
    private static @Nullable String optionalLongText(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\n]]", " ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static Map<String, @Nullable Object> institutionParameters(InstitutionForm form) {
        Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
        parameters.put("kind", Objects.requireNonNull(form.kind()).name());
        parameters.put("name", text(form.name()));
        parameters.put("region", form.regionId());
        parameters.put("street", optionalText(form.street()));
        parameters.put("postalCode", optionalText(form.postalCode()));
        parameters.put("city", optionalText(form.city()));
        parameters.put("email", optionalText(form.email()));
        parameters.put("phone", optionalText(form.phone()));
        parameters.put("website", optionalText(form.website()));
        return parameters;
    }

    private static Map<String, @Nullable Object> membershipParameters(MembershipForm form) {
        Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
        parameters.put("fullName", text(form.fullName()));
        parameters.put("organisation", optionalText(form.organisation()));
        parameters.put("sector", Objects.requireNonNull(form.sector()).name());
        parameters.put("function", Objects.requireNonNull(form.function()).name());
        parameters.put("termStart", form.termStart());
        parameters.put("termEnd", form.termEnd());
        return parameters;
    }

    // Snapshots for the audit log: the columns an administrator edits, under the form's names.

    private Optional<Map<String, @Nullable Object>> regionSnapshot(long id) {
        return snapshot("""
                select r.teryt, r.slug, r.name_pl as "namePl", r.name_en as "nameEn", r.seat,
                       r.macroregion_id as "macroregionId", (select code from macroregion m where m.id = r.macroregion_id) as "macroregionCode"
                from region r where r.id = :id
                """, Map.of("id", id));
    }

    private Optional<Map<String, @Nullable Object>> regionDescriptionSnapshot(long id) {
        return snapshot("select description_pl as \"descriptionPl\", description_en as \"descriptionEn\" from region where id = :id",
                Map.of("id", id));
    }

    private Optional<Map<String, @Nullable Object>> macroregionSnapshot(long id) {
        return snapshot("""
                select code, slug, name_pl as "namePl", name_en as "nameEn", sort_order as "sortOrder"
                from macroregion where id = :id
                """, Map.of("id", id));
    }

    private Optional<Map<String, @Nullable Object>> institutionSnapshot(long id) {
        return snapshot("""
                select kind, name, region_id as "regionId", street, postal_code as "postalCode", city, email, phone, website
                from institution where id = :id
                """, Map.of("id", id));
    }

    private Optional<Map<String, @Nullable Object>> committeeSnapshot(long id) {
        return snapshot("""
                select region_id as "regionId", name, term_start as "termStart", term_end as "termEnd"
                from committee where id = :id
                """, Map.of("id", id));
    }

    private Optional<Map<String, @Nullable Object>> membershipSnapshot(long committeeId, long id) {
        return snapshot("""
                select committee_id as "committeeId", full_name as "fullName", organisation, sector, function,
                       term_start as "termStart", term_end as "termEnd", email, phone
                from committee_membership where id = :id and committee_id = :committee
                """, Map.of("id", id, "committee", committeeId));
    }

    private Optional<Map<String, @Nullable Object>> snapshot(String sql, Map<String, ?> parameters) {
        return jdbc.sql(sql).params(parameters).query(DirectoryEditing::row).optional();
    }

    private static Map<String, @Nullable Object> row(ResultSet rs, int rowNumber) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            // Dates as ISO text, so the audit log shows them the same way whatever serialises them.
            row.put(meta.getColumnLabel(i), value instanceof java.sql.Date date ? date.toLocalDate().toString() : value);
        }
        return row;
    }

    private void publish(String action, String targetType, long id, @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after) {
        if (before != null && before.equals(after)) {
            return;
        }
        events.publishEvent(new DirectoryChanged(action, targetType, Long.toString(id), before, after));
    }
}
