package pl.koordes.accounts.internal;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: 12 to 128 characters of any kind (Polish letters included),
 * and not rated weak by the zxcvbn estimator, which knows common passwords and words — Polish ones
 * added — and the person's own name and e-mail.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** zxcvbn scores 0–4; 3 means "safely unguessable: moderate protection from offline attacks". */
    static final int MIN_SCORE = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();
    private final List<String> polishWords;

    public PasswordPolicy() {
        this.polishWords = loadWords();
    }

    /**
     * Why the password is refused, as message key and an optional explanation in the reader's language;
     * empty when it is acceptable.
     */
    public Optional<Refusal> check(String password, String displayName, String email, Locale locale) {
        if (password == null || password.isBlank()) {
            return Optional.of(new Refusal("password.required", null));
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(new Refusal("password.tooShort", null));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(new Refusal("password.tooLong", null));
        }
        List<String> inputs = new ArrayList<>(polishWords);
        inputs.addAll(personalWords(displayName, email));
        Strength strength = zxcvbn.measure(password, inputs);
        if (strength.getScore() < MIN_SCORE) {
            ResourceBundle feedback = ResourceBundle.getBundle(
                    "password/zxcvbn",
                    "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("pl"));
            var localized = strength.getFeedback().withResourceBundle(feedback);
            String warning = localized.getWarning();
            String reason =
                    warning != null && !warning.isBlank() ? warning : String.join(" ", localized.getSuggestions());
            return Optional.of(new Refusal("password.weak", reason.isBlank() ? null : reason));
        }
        return Optional.empty();
    }

    /**
     * A refused password.
     *
     * @param key the message key saying why
     * @param detail the estimator's explanation, already in the reader's language, or null
     */
    public record Refusal(String key, String detail) {}

    private static List<String> personalWords(String displayName, String email) {
        List<String> words = new ArrayList<>();
        if (displayName != null) {
            words.addAll(Arrays.asList(displayName.toLowerCase(Locale.ROOT).split("[\\s\\-]+")));
        }
        if (email != null) {
            String lower = email.toLowerCase(Locale.ROOT);
            words.add(lower);
            words.addAll(Arrays.asList(lower.split("[@._\\-+]+")));
        }
        words.removeIf(w -> w.length() < 3);
        return words;
    }

    private static List<String> loadWords() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("password/polish-words.txt").getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
