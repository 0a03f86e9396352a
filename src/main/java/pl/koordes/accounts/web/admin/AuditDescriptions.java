package pl.koordes.accounts.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import pl.koordes.accounts.AuditTrail.AuditEntry;
import pl.koordes.accounts.Profiles;
import pl.koordes.shared.i18n.Messages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit line in words, in the reader's language: what was done ({@code admin.audit.action.*}), to
 * what it was called ({@code „Forum…”}) and which of its fields changed ({@code admin.audit.field.*}),
 * with short values before and after ({@code admin.audit.value.*} where they are codes). The raw JSON
 * stays available beside it for administrators.
 */
public final class AuditDescriptions {

    static final String FIELD = "admin.audit.field.";
    static final String VALUE = "admin.audit.value.";
    static final String TARGET = "admin.audit.targetType.";

    /** Where the name of what changed is found in its values, most telling first. */
    private static final List<String> SUBJECT_KEYS =
            List.of("title", "name", "namePl", "fullName", "phrase", "text", "alt", "fileName");

    /** Values kept as fingerprints (long texts, links): the description names the field, not the value. */
    private static final Set<String> FINGERPRINTS =
            Set.of("body", "bodyEn", "description", "agenda", "speakers", "onlineLink", "materials");

    private static final int SHORT = 60;
    private static final int SUBJECT_MAX = 80;
    private static final Pattern PSEUDONYM = Pattern.compile(Pattern.quote(Profiles.PSEUDONYM_PREFIX) + "(\\S+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Messages messages;
    private final Locale locale;
    private final ActionLabels labels;

    AuditDescriptions(Messages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.labels = new ActionLabels(messages, locale);
    }

    /** For example „Zmiana wydarzenia „Forum ekonomii”: tytuł („A” → „B”), data rozpoczęcia (…)”. */
    public String describe(AuditEntry entry) {
        @Nullable JsonNode before = parse(entry.before());
        @Nullable JsonNode after = parse(entry.after());
        StringBuilder text = new StringBuilder(labels.of(entry.action()));
        // A person the line is about is linked beside it (the target column), not repeated here.
        String subject = subject(after != null ? after : before);
        if (subject == null && after != null && before != null) {
            subject = subject(before);
        }
        if (subject != null) {
            text.append(' ').append(messages.get(locale, "admin.audit.quoted", shorten(subject, SUBJECT_MAX)));
        }
        List<String> changes = changes(before, after);
        if (!changes.isEmpty()) {
            text.append(": ").append(String.join(", ", changes));
        }
        return text.toString();
    }

    /** Who acted: the recorded label, an erased person's pseudonym in the reader's language, or the system. */
    public String actor(AuditEntry entry) {
        String label = entry.actorLabel();
        if (label == null) {
            return messages.get(locale, "admin.audit.system");
        }
        Matcher pseudonym = PSEUDONYM.matcher(label);
        return pseudonym.matches() ? messages.get(locale, "admin.audit.erasedPerson", pseudonym.group(1)) : label;
    }

    /** What kind of thing the line is about, in words ({@code wydarzenie 12}), or the stored code for kinds without a name. */
    public String target(AuditEntry entry) {
        String type = entry.targetType();
        if (type == null) {
            return "";
        }
        String kind = messages.has(locale, TARGET + type) ? messages.get(locale, TARGET + type) : type;
        return entry.targetId() == null ? kind : kind + " " + entry.targetId();
    }

    /** The fields whose values differ, each with short values before and after. */
    List<String> changes(@Nullable JsonNode before, @Nullable JsonNode after) {
        List<String> changes = new ArrayList<>();
        if (before == null || after == null || !before.isObject() || !after.isObject()) {
            return changes;
        }
        // What names the thing first; then the stored order (PostgreSQL keeps JSON keys by length).
        Set<String> keys = new LinkedHashSet<>(SUBJECT_KEYS);
        keys.retainAll(after.propertyNames());
        keys.addAll(after.propertyNames());
        keys.addAll(before.propertyNames());
        for (String key : keys) {
            JsonNode was = before.get(key);
            JsonNode is = after.get(key);
            if (Objects.equals(normal(was), normal(is))) {
                continue;
            }
            String field = field(key);
            String old = value(key, was);
            String now = value(key, is);
            if (FINGERPRINTS.contains(key) || old.length() > SHORT || now.length() > SHORT) {
                changes.add(field);
            } else {
                changes.add(field + " (" + old + " → " + now + ")");
            }
        }
        return changes;
    }

    String field(String key) {
        return messages.has(locale, FIELD + key) ? messages.get(locale, FIELD + key) : key;
    }

    private String value(String key, @Nullable JsonNode node) {
        if (node == null || node.isNull() || (node.isString() && node.asString().isEmpty())) {
            return messages.get(locale, VALUE + "none");
        }
        if (node.isBoolean()) {
            return messages.get(locale, VALUE + node.asBoolean());
        }
        String text = node.isString() ? node.asString() : node.toString();
        String code = VALUE + key + "." + text;
        if (messages.has(locale, code)) {
            return messages.get(locale, code);
        }
        return node.isString() ? messages.get(locale, "admin.audit.quoted", shorten(text, SHORT)) : text;
    }

    private static @Nullable JsonNode normal(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static @Nullable String subject(@Nullable JsonNode values) {
        if (values == null || !values.isObject()) {
            return null;
        }
        for (String key : SUBJECT_KEYS) {
            JsonNode value = values.get(key);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return null;
    }

    private static String shorten(String text, int max) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1).strip() + "…";
    }

    private static @Nullable JsonNode parse(@Nullable String json) {
        return json == null ? null : JSON.readTree(json);
    }
}
