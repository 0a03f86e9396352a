package pl.koordes.shared.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The cache of pages for anonymous visitors ({@link AnonymousPageCache}).
 *
 * @param enabled whether public pages are cached at all
 * @param ttl how long a page is given out before it is rendered again (by one request, while the others
 *        still get the copy of a moment ago, at most twice as old): about the longest a change made on
 *        another node (or by a scheduled job) stays unseen by visitors; a change made through this
 *        node's forms empties the cache at once
 * @param maxSize the memory the cached pages may take on one node
 */
@ConfigurationProperties("koordes.web.page-cache")
public record PageCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration ttl,
        @DefaultValue("64MB") DataSize maxSize) {}
