package pl.koordes.content.internal;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.ContentAction;
import pl.koordes.content.PartnerForm;
import pl.koordes.content.QuoteForm;

/** The write path for motto quotes and for patrons and partners. */
@Service
@Transactional
public class SiteManagement {

    private static final String QUOTE = "quote";
    private static final String PARTNER = "partner";

    private final JdbcClient jdbc;
    private final ImageManagement images;
    private final ContentAudit audit;

    public SiteManagement(JdbcClient jdbc, ImageManagement images, ContentAudit audit) {
        this.jdbc = jdbc;
        this.images = images;
        this.audit = audit;
    }

    public long addQuote(QuoteForm form) {
        long id = jdbc.sql("insert into motto_quote (text, source) values (:text, :source) returning id")
                .param("text", form.text().strip())
                .param("source", form.source().strip())
                .query(Long.class)
                .single();
        audit.publish(
                ContentAction.QUOTE_CREATED, QUOTE, id, null, audit.quote(id).orElseThrow());
        return id;
    }

    /** Shows this quote on the home page every day (or, when it is featured already, lets the quotes take turns again). */
    public boolean featureQuote(long id) {
        Optional<Boolean> featured = jdbc.sql("select featured from motto_quote where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional();
        if (featured.isEmpty()) {
            return false;
        }
        Map<String, @Nullable Object> before = audit.quote(id).orElseThrow();
        jdbc.sql("update motto_quote set featured = false where featured").update();
        if (!featured.get()) {
            jdbc.sql("update motto_quote set featured = true, active = true where id = :id")
                    .param("id", id)
                    .update();
        }
        audit.publish(
                ContentAction.QUOTE_FEATURED, QUOTE, id, before, audit.quote(id).orElseThrow());
        return true;
    }

    /** Hides a quote from the home page or shows it again. */
    public boolean toggleQuote(long id) {
        Optional<Map<String, @Nullable Object>> before = audit.quote(id);
        if (before.isEmpty()) {
            return false;
        }
        jdbc.sql("update motto_quote set active = not active, featured = featured and not active where id = :id")
                .param("id", id)
                .update();
        Map<String, @Nullable Object> after = audit.quote(id).orElseThrow();
        ContentAction action =
                Boolean.TRUE.equals(after.get("active")) ? ContentAction.QUOTE_SHOWN : ContentAction.QUOTE_HIDDEN;
        audit.publish(action, QUOTE, id, before.get(), after);
        return true;
    }

    public boolean deleteQuote(long id) {
        Optional<Map<String, @Nullable Object>> before = audit.quote(id);
        if (before.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from motto_quote where id = :id").param("id", id).update();
        audit.publish(ContentAction.QUOTE_DELETED, QUOTE, id, before.get(), null);
        return true;
    }

    /** Adds a partner; a logo, when given, is checked and stored like any picture (SVG is refused). */
    public long addPartner(PartnerForm form, byte @Nullable [] logo, @Nullable String logoName, String editor) {
        Long logoId = logo == null || logo.length == 0
                ? null
                : images.uploadImage(logo, logoName, "Logo: " + form.name().strip(), editor);
        long id = jdbc.sql(
                        "insert into partner (kind, name, url, logo_id, sort_order) values (:kind, :name, :url, :logo, :order) returning id")
                .param("kind", form.kind())
                .param("name", form.name().strip())
                .param(
                        "url",
                        form.url() == null || form.url().isBlank()
                                ? null
                                : form.url().strip())
                .param("logo", logoId)
                .param(
                        "order",
                        form.sortOrder() == null || form.sortOrder().isBlank() ? 0 : Integer.parseInt(form.sortOrder()))
                .query(Long.class)
                .single();
        audit.publish(
                ContentAction.PARTNER_CREATED,
                PARTNER,
                id,
                null,
                audit.partner(id).orElseThrow());
        return id;
    }

    /**
     * Saves a partner's name, kind, link and position; a new logo, when given, replaces the old one (checked and
     * stored like any picture), and {@code removeLogo} without a new one leaves the partner without a logo.
     * The former logo stays in the picture library. Answers false when there is no such partner.
     */
    public boolean updatePartner(
            long id,
            PartnerForm form,
            byte @Nullable [] logo,
            @Nullable String logoName,
            boolean removeLogo,
            String editor) {
        // The partner's current logo, if any; empty when there is no such partner.
        Optional<Optional<Long>> current = jdbc.sql("select logo_id from partner where id = :id for update")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(ArticleQueries.nullableLong(rs, "logo_id")))
                .optional();
        if (current.isEmpty()) {
            return false;
        }
        Map<String, @Nullable Object> before = audit.partner(id).orElseThrow();
        @Nullable Long logoId;
        if (logo != null && logo.length > 0) {
            logoId = images.uploadImage(logo, logoName, "Logo: " + form.name().strip(), editor);
        } else {
            logoId = removeLogo ? null : current.get().orElse(null);
        }
        boolean updated = jdbc.sql("""
                        update partner set kind = :kind, name = :name, url = :url, logo_id = :logo, sort_order = :order
                        where id = :id""")
                        .param("kind", form.kind())
                        .param("name", form.name().strip())
                        .param(
                                "url",
                                form.url() == null || form.url().isBlank()
                                        ? null
                                        : form.url().strip())
                        .param("logo", logoId)
                        .param(
                                "order",
                                form.sortOrder() == null || form.sortOrder().isBlank()
                                        ? 0
                                        : Integer.parseInt(form.sortOrder()))
                        .param("id", id)
                        .update()
                == 1;
        audit.publish(
                ContentAction.PARTNER_UPDATED,
                PARTNER,
                id,
                before,
                audit.partner(id).orElseThrow());
        return updated;
    }

    public boolean deletePartner(long id) {
        Optional<Map<String, @Nullable Object>> before = audit.partner(id);
        if (before.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from partner where id = :id").param("id", id).update();
        audit.publish(ContentAction.PARTNER_DELETED, PARTNER, id, before.get(), null);
        return true;
    }
}
