package pl.koordes.opendata.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import pl.koordes.shared.audit.Audited;

/**
 * The API's answers kept in this node's memory, so that a repeated request, and above all a conditional
 * one answered {@code 304}, reads no database at all.
 *
 * <p>Validators: the {@code ETag} is a hash of the answer's bytes, so every node gives the same tag for
 * the same data and a client's {@code If-None-Match} is understood wherever it lands; {@code Last-Modified}
 * is when this node first gave out those bytes (kept while a re-read finds them unchanged).
 *
 * <p>Freshness: every state change of every module is an {@link Audited} event (docs/patterns.md); one
 * committed on this node moves the generation on, and the next request for any answer reads the data
 * again. A change made on another node or by a job is read after at most {@link ApiProperties#freshFor()}.
 * An answer rendered while a change commits is not kept (the generation moved meanwhile).
 */
@Component
public class ApiCache {

    /** A rendered answer before it gets its validators. */
    public record Rendered(
            byte[] body, String contentType, @Nullable String link) {}

    /** An answer with its validators, as this node gives it out, and the key it is kept under. */
    public record Answer(
            String key,
            byte[] body,
            String contentType,
            @Nullable String link,
            String etag,
            Instant lastModified,
            long generation,
            Instant freshUntil) {}

    private record Lookup(Map<String, Long> regions, long generation, Instant freshUntil) {}

    private final Cache<String, Answer> answers;
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;
    private final Duration freshFor;
    private volatile @Nullable Lookup regions;

    public ApiCache(ApiProperties properties, Clock clock) {
        this.clock = clock;
        this.freshFor = properties.freshFor();
        this.answers = Caffeine.newBuilder()
                .maximumSize(properties.cachedAnswers())
                .expireAfterAccess(Duration.ofHours(1))
                .build();
    }

    /** The kept answer for {@code key} while fresh, otherwise {@code render}'s, kept for the next requests. */
    public Answer answer(String key, Supplier<Rendered> render) {
        long current = generation.get();
        Instant now = clock.instant();
        Answer kept = answers.getIfPresent(key);
        if (kept != null && kept.generation() == current && now.isBefore(kept.freshUntil())) {
            return kept;
        }
        Rendered rendered = render.get();
        String etag = etag(rendered.body());
        Instant lastModified =
                kept != null && kept.etag().equals(etag) ? kept.lastModified() : now.truncatedTo(ChronoUnit.SECONDS);
        Answer answer = new Answer(
                key,
                rendered.body(),
                rendered.contentType(),
                rendered.link(),
                etag,
                lastModified,
                current,
                now.plus(freshFor));
        if (generation.get() == current) {
            answers.put(key, answer);
        }
        return answer;
    }

    /** The kept answer for {@code key} while it is fresh, without rendering anything otherwise. */
    public Optional<Answer> fresh(String key) {
        Answer kept = answers.getIfPresent(key);
        if (kept != null
                && kept.generation() == generation.get()
                && clock.instant().isBefore(kept.freshUntil())) {
            return Optional.of(kept);
        }
        return Optional.empty();
    }

    /** The regions by slug and by TERYT code, read again as rarely as answers are. */
    public Map<String, Long> regions(Supplier<Map<String, Long>> read) {
        long current = generation.get();
        Instant now = clock.instant();
        Lookup kept = regions;
        if (kept != null && kept.generation() == current && now.isBefore(kept.freshUntil())) {
            return kept.regions();
        }
        Map<String, Long> fresh = Map.copyOf(read.get());
        regions = new Lookup(fresh, current, now.plus(freshFor));
        return fresh;
    }

    /** A change committed on this node: every answer is read again at its next request. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(Audited change) {
        generation.incrementAndGet();
    }

    /** Forgets everything (tests that change data beside the write paths). */
    public void clear() {
        generation.incrementAndGet();
        answers.invalidateAll();
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
