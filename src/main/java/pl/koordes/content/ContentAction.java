package pl.koordes.content;

import pl.koordes.shared.audit.AuditAction;

/** What editors do to the site's content, as the audit log names it; constant names are stored, so add rather than rename. */
public enum ContentAction implements AuditAction {
    ARTICLE_PUBLISHED,
    ARTICLE_CREATED,
    ARTICLE_UPDATED,
    ARTICLE_REVISION_RESTORED,
    ARTICLE_DELETED,
    SITE_PAGE_UPDATED,
    QUOTE_CREATED,
    QUOTE_FEATURED,
    QUOTE_HIDDEN,
    QUOTE_SHOWN,
    QUOTE_DELETED,
    PARTNER_CREATED,
    PARTNER_DELETED,
    IMAGE_UPLOADED,
    SITE_PAGE_CREATED,
    PARTNER_UPDATED
}
