package pl.koordes.directory.internal;

import static pl.koordes.directory.internal.DirectoryChanges.optional;
import static pl.koordes.directory.internal.DirectoryChanges.required;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import pl.koordes.directory.DirectoryAction;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * Institutions with their contacts: an administrator creates, edits and deletes them; a region's
 * coordinator keeps its ROPS's public contact details current.
 */
@Service
@Validated
@Transactional
public class InstitutionManagement {

    private final JdbcClient jdbc;
    private final DirectoryChanges changes;

    InstitutionManagement(JdbcClient jdbc, DirectoryChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public long createInstitution(@Valid InstitutionForm form) {
        changes.requireRegion(form.regionId());
        long id = jdbc.sql("""
                        insert into institution (kind, name, region_id, street, postal_code, city, email, phone, website)
                        values (:kind, :name, :region, :street, :postalCode, :city, :email, :phone, :website) returning id
                        """).params(parameters(form)).query(Long.class).single();
        publish(DirectoryAction.DIRECTORY_INSTITUTION_CREATED, id, null);
        return id;
    }

    public void editInstitution(long id, @Valid InstitutionForm form) {
        Map<String, @Nullable Object> before = stored(id);
        changes.requireRegion(form.regionId());
        Map<String, @Nullable Object> parameters = parameters(form);
        parameters.put("id", id);
        jdbc.sql("""
                        update institution set kind = :kind, name = :name, region_id = :region, street = :street,
                               postal_code = :postalCode, city = :city, email = :email, phone = :phone, website = :website,
                               updated_at = now()
                        where id = :id
                        """).params(parameters).update();
        publish(DirectoryAction.DIRECTORY_INSTITUTION_UPDATED, id, before);
    }

    /** The public contact details of a region's ROPS (the first one, should there be several). */
    public void editRopsContact(long regionId, @Valid ContactForm form) {
        long id = jdbc.sql("select id from institution where region_id = :region and kind = 'ROPS' order by id limit 1")
                .param("region", regionId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFound("ROPS of region", regionId));
        Map<String, @Nullable Object> before = stored(id);
        Map<String, @Nullable Object> parameters = contactParameters(form);
        parameters.put("id", id);
        jdbc.sql("""
                        update institution set street = :street, postal_code = :postalCode, city = :city, email = :email,
                               phone = :phone, website = :website, updated_at = now()
                        where id = :id
                        """).params(parameters).update();
        publish(DirectoryAction.DIRECTORY_INSTITUTION_UPDATED, id, before);
    }

    /** Deletes an institution nothing refers to; one that other records point at is refused (a conflict). */
    public void deleteInstitution(long id) {
        Map<String, @Nullable Object> before = stored(id);
        if (referenced(id)) {
            throw Refused.conflict("directory.admin.institution.inUse");
        }
        jdbc.sql("delete from institution where id = :id").param("id", id).update();
        changes.publish(DirectoryAction.DIRECTORY_INSTITUTION_DELETED, "institution", id, before, null);
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
                        """).query(String.class).list();
        for (String check : checks) {
            if (Boolean.TRUE.equals(
                    jdbc.sql(check).param("id", id).query(Boolean.class).single())) {
                return true;
            }
        }
        return false;
    }

    /** The institution as stored, for the audit line's "before". */
    private Map<String, @Nullable Object> stored(long id) {
        return changes.institution(id).orElseThrow(() -> new NotFound("institution", id));
    }

    /** Tells who needs to know (the audit log) what changed: {@code before} and the institution as it is now. */
    private void publish(DirectoryAction action, long id, @Nullable Map<String, @Nullable Object> before) {
        changes.publish(
                action, "institution", id, before, changes.institution(id).orElseThrow());
    }

    private static Map<String, @Nullable Object> parameters(InstitutionForm form) {
        Map<String, @Nullable Object> parameters = contactParameters(form.contact());
        parameters.put("kind", Objects.requireNonNull(form.kind()).name());
        parameters.put("name", required(form.name()));
        parameters.put("region", form.regionId());
        return parameters;
    }

    private static Map<String, @Nullable Object> contactParameters(ContactForm form) {
        Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
        parameters.put("street", optional(form.street()));
        parameters.put("postalCode", optional(form.postalCode()));
        parameters.put("city", optional(form.city()));
        parameters.put("email", optional(form.email()));
        parameters.put("phone", optional(form.phone()));
        parameters.put("website", optional(form.website()));
        return parameters;
    }
}
