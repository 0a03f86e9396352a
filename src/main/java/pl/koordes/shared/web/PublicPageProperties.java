package pl.koordes.shared.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long any HTTP cache (a browser, nginx, a CDN) may keep a public page ({@link PublicPage}) answered to an
 * anonymous visitor: its {@code Cache-Control: public, max-age}. The longest a change stays unseen behind such a
 * cache; see {@link PublicAnswers}.
 *
 * @param maxAge the {@code max-age} of a public page
 */
@ConfigurationProperties("koordes.web.public-pages")
public record PublicPageProperties(@DefaultValue("10s") Duration maxAge) {}
