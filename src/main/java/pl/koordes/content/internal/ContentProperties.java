package pl.koordes.content.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the public portal.
 *
 * @param pageSize articles per page of the public list and of the editor's list
 * @param latestOnHome articles shown on the home page
 * @param feedSize entries in the RSS and Atom feeds
 * @param imageMaxSize largest image file an editor may upload
 * @param imageMaxWidth images wider than this (in pixels) are scaled down when uploaded
 * @param hidePlaceholders whether visitors are spared the parts of a page still marked
 *        {@code [DO UZUPEŁNIENIA: …]} (the prod profile sets it; in development they show, to be seen and filled)
 */
@ConfigurationProperties("koordes.content")
public record ContentProperties(
        @DefaultValue("10") int pageSize,
        @DefaultValue("4") int latestOnHome,
        @DefaultValue("20") int feedSize,
        @DefaultValue("5MB") DataSize imageMaxSize,
        @DefaultValue("1200") int imageMaxWidth,
        @DefaultValue("false") boolean hidePlaceholders) {

    public ContentProperties {
        pageSize = Math.clamp(pageSize, 1, 100);
        latestOnHome = Math.clamp(latestOnHome, 0, 20);
        feedSize = Math.clamp(feedSize, 1, 100);
        imageMaxWidth = Math.clamp(imageMaxWidth, 100, 4000);
    }
}
