package pl.koordes.shared.charts;

import java.util.Locale;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.web.Page;

/**
 * The reader's language for a chart: its words ({@code charts.*} messages) and its numbers. A controller
 * passes its page ({@link #of(Page)}); a section or a job without one passes the messages and a locale.
 */
public final class ChartLanguage {

    /** A message by key with its arguments: {@code page::t} or {@code messages.get(locale, …)}. */
    @FunctionalInterface
    interface Words {
        String t(String key, Object... args);
    }

    private final Locale locale;
    private final Words words;
    private final ChartNumbers numbers;

    ChartLanguage(Locale locale, Words words) {
        this.locale = locale;
        this.words = words;
        this.numbers = ChartNumbers.of(locale);
    }

    public static ChartLanguage of(Page page) {
        return new ChartLanguage(page.locale(), page::t);
    }

    public static ChartLanguage of(Messages messages, Locale locale) {
        return new ChartLanguage(locale, (key, args) -> messages.get(locale, key, args));
    }

    public Locale locale() {
        return locale;
    }

    public ChartNumbers numbers() {
        return numbers;
    }

    /** The message {@code key} in this language. */
    public String t(String key, Object... args) {
        return words.t(key, args);
    }
}
