package pl.koordes.shared.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Reads a session attribute from its stored bytes as Spring Session's JDBC store does (Java deserialisation), but
 * keeps what it read by those bytes: the store reads the session's row on every request, and deserialising the
 * signed-in person's security context again each time was about a twentieth of a signed-in page's CPU. The same
 * bytes always give the same value, so what is kept is never stale; it is kept only for values nobody changes in
 * place: the security context is given out as a new context around the kept (unchanging) authentication, the CSRF
 * token, instants and texts as they are. Anything else is read afresh every time.
 */
final class KeptSessionAttributes implements Converter<byte[], Object> {

    private final DeserializingConverter deserializer;
    private final Cache<ByteBuffer, Object> kept = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    KeptSessionAttributes(ClassLoader classLoader) {
        this.deserializer = new DeserializingConverter(classLoader);
    }

    @Override
    public Object convert(byte[] bytes) {
        ByteBuffer key = ByteBuffer.wrap(bytes);
        Object value = kept.getIfPresent(key);
        if (value == null) {
            value = deserializer.convert(bytes);
            if (keepable(value)) {
                kept.put(key, value);
            }
        }
        if (value instanceof SecurityContext context) {
            SecurityContextImpl copy = new SecurityContextImpl();
            copy.setAuthentication(context.getAuthentication());
            return copy;
        }
        return value;
    }

    private static boolean keepable(Object value) {
        return value instanceof SecurityContextImpl
                || value instanceof DefaultCsrfToken
                || value instanceof Instant
                || value instanceof String;
    }
}
