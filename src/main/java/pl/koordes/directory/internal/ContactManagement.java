package pl.koordes.directory.internal;

import static pl.koordes.directory.internal.DirectoryChanges.optional;

import jakarta.validation.Valid;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import pl.koordes.directory.DirectoryAction;
import pl.koordes.shared.outcome.NotFound;

/** A region's public contact: its coordinator keeps the ROPS's address, e-mail, telephone and website current. */
@Service
@Validated
@Transactional
public class ContactManagement {

    private final JdbcClient jdbc;
    private final DirectoryChanges changes;

    ContactManagement(JdbcClient jdbc, DirectoryChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** The public contact details of a region's ROPS (the first one, should there be several). */
    public void editRopsContact(long regionId, @Valid ContactForm form) {
        long id = jdbc.sql("select id from institution where region_id = :region and kind = 'ROPS' order by id limit 1")
                .param("region", regionId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFound("ROPS of region", regionId));
        Map<String, @Nullable Object> before =
                changes.institution(id).orElseThrow(() -> new NotFound("institution", id));
        jdbc.sql("""
                        update institution set street = :street, postal_code = :postalCode, city = :city, email = :email,
                               phone = :phone, website = :website, updated_at = now()
                        where id = :id
                        """)
                .param("street", optional(form.street()))
                .param("postalCode", optional(form.postalCode()))
                .param("city", optional(form.city()))
                .param("email", optional(form.email()))
                .param("phone", optional(form.phone()))
                .param("website", optional(form.website()))
                .param("id", id)
                .update();
        changes.publish(
                DirectoryAction.DIRECTORY_INSTITUTION_UPDATED,
                "institution",
                id,
                before,
                changes.institution(id).orElseThrow());
    }
}
