package pl.koordes.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the whole site.
 *
 * @param demo whether invented demonstration data is loaded and the pages say so
 */
@ConfigurationProperties("koordes.site")
public record SiteProperties(boolean demo) {}
