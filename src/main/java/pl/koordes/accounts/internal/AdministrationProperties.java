package pl.koordes.accounts.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the administration panel.
 *
 * @param peoplePageSize how many people one page of the people list shows
 * @param auditPageSize how many entries one page of the audit log shows
 * @param searchMaxLength how much of a search text is used; the rest is ignored
 */
@ConfigurationProperties("koordes.admin")
public record AdministrationProperties(
        @DefaultValue("25") int peoplePageSize,
        @DefaultValue("50") int auditPageSize,
        @DefaultValue("200") int searchMaxLength) {}
