package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a form shows in its fields: the stored values when it opens, exactly what was typed when it
 * comes back with errors (a date or number that did not convert included).
 */
public final class FormValues {

    private final Map<String, String> values;

    private FormValues(Map<String, String> values) {
        this.values = values;
    }

    /** The values as sent, first value per name. */
    public static FormValues of(HttpServletRequest request) {
        Map<String, String> values = new HashMap<>();
        request.getParameterMap().forEach((name, sent) -> {
            if (sent.length > 0 && sent[0] != null) {
                values.put(name, sent[0]);
            }
        });
        return new FormValues(values);
    }

    /** A form record's values as its fields show them: dates in ISO, enums by name, nothing for null. */
    public static FormValues of(Record form) {
        Map<String, String> values = new HashMap<>();
        for (RecordComponent component : form.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(form);
                if (value != null) {
                    values.put(component.getName(), value instanceof Enum<?> e ? e.name() : value.toString());
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Form " + form.getClass().getSimpleName() + " cannot be read", e);
            }
        }
        return new FormValues(values);
    }

    /** Adds or replaces one value, e.g. a default that is not part of the form record. */
    public FormValues with(String name, @Nullable String value) {
        Map<String, String> copy = new HashMap<>(values);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new FormValues(copy);
    }

    /** The field's value, empty when there is none. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    /** The field's value, or {@code fallback} when there is none. */
    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** Whether the field holds this value, for selected options. */
    public boolean is(String name, String value) {
        return value.equals(values.get(name));
    }
}
