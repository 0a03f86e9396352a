package pl.koordes.shared.i18n;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The interface's words in Polish and English. Patterns are ICU MessageFormat, so counts take
 * the Polish plural categories (1 region, 2 regiony, 5 regionów) and numbers the Polish format.
 */
@Component
public class Messages {

    private final MessageSource source;
    private final Map<CacheKey, MessageFormat> formats = new ConcurrentHashMap<>();
    /**
     * Messages without arguments (most of a page's words), formatted once; per locale, then by key, so that a look-up
     * is two hash look-ups on objects whose hashes are kept. A page makes hundreds: with a record key made and compared
     * per look-up, this method was 4 % of the coordinator's page's CPU (JFR).
     */
    private final Map<Locale, Map<String, String>> formatted = new ConcurrentHashMap<>();
    /**
     * Messages whose arguments are all whole numbers ("3 komentarze czekają", a page's counts), formatted once per
     * number: ICU's number formatting was most of a comment submission's notice to the moderators. The words come from
     * the application's own files, so a kept text never goes stale; the least used go first.
     */
    private final Cache<Counted, String> counted =
            Caffeine.newBuilder().maximumSize(COUNTED).build();

    private static final int COUNTED = 10_000;

    private record Counted(CacheKey key, List<Object> numbers) {}

    public Messages(MessageSource messageSource) {
        this.source = messageSource;
    }

    /** The message for {@code key} in {@code locale}, with {@code args} put in its placeholders. */
    public String get(Locale locale, String key, Object... args) {
        if (args.length == 0) {
            Map<String, String> words = formatted.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
            String known = words.get(key);
            if (known == null) {
                known = format(locale, key).clone().format(args);
                words.put(key, known);
            }
            return known;
        }
        MessageFormat format = format(locale, key);
        if (wholeNumbers(args)) {
            return counted.get(
                    new Counted(new CacheKey(locale, key), List.of(args)),
                    k -> format.clone().format(args));
        }
        // ICU formats keep mutable state while formatting; a clone per call keeps this thread-safe.
        return format.clone().format(args);
    }

    private MessageFormat format(Locale locale, String key) {
        return formats.computeIfAbsent(new CacheKey(locale, key), this::compile);
    }

    private static boolean wholeNumbers(Object[] args) {
        for (Object arg : args) {
            if (!(arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code key} exists; used by tests that keep both languages complete. */
    public boolean has(Locale locale, String key) {
        return source.getMessage(key, null, null, locale) != null;
    }

    private MessageFormat compile(CacheKey key) {
        String pattern = source.getMessage(key.key(), null, null, key.locale());
        if (pattern == null) {
            throw new NoSuchMessageException(key.key(), key.locale());
        }
        return new MessageFormat(withMinimumGrouping(pattern), ULocale.forLocale(key.locale()));
    }

    /**
     * ICU's plural "#" uses a number format that groups 1 234; Polish (CLDR) groups from 10 000 on.
     * Each "#" becomes an explicit number argument with grouping from two digits up.
     */
    static String withMinimumGrouping(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        Deque<String> pluralArguments = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        Matcher plural = PLURAL_START.matcher(pattern);
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                if (plural.find(i) && plural.start() == i) {
                    pluralArguments.push(plural.group(1));
                    depths.push(depth);
                }
                depth++;
            } else if (c == '}') {
                depth--;
                if (!depths.isEmpty() && depths.peek() == depth) {
                    depths.pop();
                    pluralArguments.pop();
                }
            } else if (c == '#' && !pluralArguments.isEmpty()) {
                out.append('{').append(pluralArguments.peek()).append(", number, ::group-min2}");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static final Pattern PLURAL_START = Pattern.compile("\\{\\s*(\\w+)\\s*,\\s*(?:plural|selectordinal)\\s*,");

    private record CacheKey(Locale locale, String key) {}
}
