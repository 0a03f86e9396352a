package pl.koordes.directory.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A region's public profile text as its coordinator writes it: Polish, and English where given (readers of
 * the English pages see the Polish text when there is no English one).
 */
public record RegionDescription(
        @Nullable String pl, @Nullable String en) {

    public static final RegionDescription NONE = new RegionDescription(null, null);

    /** The text in the reader's language, Polish when that is all there is; null when there is none. */
    public @Nullable String text(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null ? en : pl;
    }

    /** Whether the text shown in that language is the Polish one (for the {@code lang} attribute). */
    public boolean polishShown(Locale locale) {
        return !"en".equals(locale.getLanguage()) || en == null;
    }

    /** The text in paragraphs: a blank line separates them. */
    public List<String> paragraphs(Locale locale) {
        String text = text(locale);
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R\\s*\\R"))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList();
    }
}
