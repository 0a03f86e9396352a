package pl.koordes.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A form's errors as message keys per field, for the error summary at the top of a form and the
 * message beside each field. Validation annotations carry a message key as their message; a value
 * that does not convert (a word where a number belongs) shows the key {@code form.invalid}.
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    private final Map<String, String> fieldKeys;
    private final List<String> globalKeys;

    private FormErrors(Map<String, String> fieldKeys, List<String> globalKeys) {
        this.fieldKeys = fieldKeys;
        this.globalKeys = globalKeys;
    }

    public static FormErrors none() {
        return NONE;
    }

    public static FormErrors of(BindingResult result) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            String key = error instanceof FieldError fe && fe.isBindingFailure() ? "form.invalid"
                    : (error.getDefaultMessage() != null ? error.getDefaultMessage() : "form.invalid");
            if (error instanceof FieldError fe) {
                fields.putIfAbsent(fe.getField(), key);
            } else {
                global.add(key);
            }
        }
        return new FormErrors(fields, global);
    }

    /** Errors for a form checked by hand: field name → message key. */
    public static FormErrors of(Map<String, String> fieldKeys) {
        return new FormErrors(new LinkedHashMap<>(fieldKeys), List.of());
    }

    public boolean any() {
        return !fieldKeys.isEmpty() || !globalKeys.isEmpty();
    }

    public boolean has(String field) {
        return fieldKeys.containsKey(field);
    }

    /** The message key of the field's error, or null. */
    public String key(String field) {
        return fieldKeys.get(field);
    }

    public Map<String, String> fields() {
        return fieldKeys;
    }

    public List<String> global() {
        return globalKeys;
    }
}
