package pl.koordes.shared.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.text.TextInput;

/**
 * A form's errors as message keys per field, for the error summary at the top of a form
 * ({@code shared/errorSummary.jte}) and the message beside each field ({@code shared/field.jte}).
 *
 * <p>The one form pattern: a typed form record bound by Spring ({@code @Valid Form form, BindingResult
 * result}); annotations for what one field must be (with a message key as the message), the record's
 * {@link CrossFieldRules} for what fields must be together, {@link #check} to collect both; then the
 * module operation, whose {@link Refused} becomes errors again with {@link #of(Refused)}. A value that
 * does not convert (a word where a number belongs) shows the key {@code form.invalid}.
 */
public final class FormErrors {

    /** The prefix of the messages every form shares ({@code form.tooLong}, {@code form.invalid}…). */
    private static final String SHARED = "form.";

    private static final FormErrors NONE = new FormErrors(Map.of(), List.of(), Map.of());

    private final Map<String, String> fieldKeys;
    private final List<String> globalKeys;
    /** What was typed into fields whose value did not convert, to show it again as typed. */
    private final Map<String, String> typed;

    private FormErrors(Map<String, String> fieldKeys, List<String> globalKeys) {
        this(fieldKeys, globalKeys, Map.of());
    }

    private FormErrors(Map<String, String> fieldKeys, List<String> globalKeys, Map<String, String> typed) {
        this.fieldKeys = fieldKeys;
        this.globalKeys = globalKeys;
        this.typed = typed;
    }

    public static FormErrors none() {
        return NONE;
    }

    public static FormErrors of(BindingResult result) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        Map<String, String> typed = new LinkedHashMap<>();
        Set<String> failed = new HashSet<>();
        for (ObjectError error : result.getAllErrors()) {
            String key = error instanceof FieldError fe && fe.isBindingFailure()
                    ? "form.invalid"
                    : (error.getDefaultMessage() != null ? error.getDefaultMessage() : "form.invalid");
            if (error instanceof FieldError fe) {
                if (fe.isBindingFailure()) {
                    // A value that did not convert outranks what validation said about the empty field.
                    fields.put(fe.getField(), key);
                    failed.add(fe.getField());
                    if (fe.getRejectedValue() instanceof String text) {
                        // As typed, but a control character never goes back to the browser.
                        typed.put(fe.getField(), TextInput.visible(text));
                    }
                } else if (!failed.contains(fe.getField())) {
                    // A field breaking two rules shows one message: the form's own (a length with its limit
                    // said, from @Size) rather than the shared one @Text gives for the same length.
                    String before = fields.get(fe.getField());
                    if (before == null || (before.startsWith(SHARED) && !key.startsWith(SHARED))) {
                        fields.put(fe.getField(), key);
                    }
                }
            } else {
                global.add(key);
            }
        }
        return new FormErrors(fields, global, typed);
    }

    /**
     * The form's errors after its annotations and then its cross-field rules: the one call a controller
     * makes before it hands the form to the module.
     */
    public static FormErrors check(Object form, BindingResult result) {
        if (form instanceof CrossFieldRules rules) {
            // Fields read directly: form records have accessors, not JavaBean getters.
            BindingResult together = new DirectFieldBindingResult(form, result.getObjectName());
            rules.checkTogether(together);
            for (ObjectError error : together.getAllErrors()) {
                String code = error.getCode() == null ? "form.invalid" : error.getCode();
                if (error instanceof FieldError fe) {
                    if (!result.hasFieldErrors(fe.getField())) {
                        result.addError(new FieldError(
                                result.getObjectName(),
                                fe.getField(),
                                fe.getRejectedValue(),
                                false,
                                new String[] {code},
                                null,
                                code));
                    }
                } else {
                    result.addError(new ObjectError(result.getObjectName(), new String[] {code}, null, code));
                }
            }
        }
        FormErrors errors = of(result);
        return form instanceof Record ? errors.inOrderOf(form.getClass()) : errors;
    }

    /**
     * The same errors with the fields in the order of the record's components, so that the summary
     * reads in the order of the form (validation reports in no particular order). A nested or indexed
     * field ({@code agenda[0].title}) goes where its component is.
     */
    private FormErrors inOrderOf(Class<?> record) {
        if (fieldKeys.size() < 2) {
            // Nothing to order (the usual case, a form without errors): the record's components are looked up by
            // reflection, a new array each time.
            return this;
        }
        List<String> order = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        Comparator<String> byComponent = Comparator.comparingInt(field -> {
            int index = order.indexOf(field.split("[.\\[]", 2)[0]);
            return index < 0 ? order.size() : index;
        });
        Map<String, String> ordered = new LinkedHashMap<>();
        fieldKeys.keySet().stream().sorted(byComponent).forEach(field -> ordered.put(field, fieldKeys.get(field)));
        return new FormErrors(ordered, globalKeys, typed);
    }

    /**
     * The same errors shown beside other elements of the page: an indexed field ({@code role[2]}) by its
     * name, then renamed as {@code elements} says (a row of repeated fields reporting on the rows' group).
     * The first error for an element wins, in the form's order.
     */
    public FormErrors shownAs(Map<String, String> elements) {
        Map<String, String> fields = new LinkedHashMap<>();
        fieldKeys.forEach((field, key) -> {
            String bound = field.replaceAll("\\[.*$", "");
            fields.putIfAbsent(elements.getOrDefault(bound, bound), key);
        });
        return new FormErrors(fields, globalKeys, typed);
    }

    /** The reasons a module operation gave for refusing, beside their fields. */
    public static FormErrors of(Refused refused) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        for (Refused.Reason reason : refused.reasons()) {
            if (reason.field() == null) {
                global.add(reason.messageKey());
            } else {
                fields.putIfAbsent(reason.field(), reason.messageKey());
            }
        }
        return new FormErrors(fields, global);
    }

    /** Errors for a form checked by hand: field name → message key. */
    public static FormErrors of(Map<String, String> fieldKeys) {
        return new FormErrors(new LinkedHashMap<>(fieldKeys), List.of());
    }

    /** These errors and another form's, for a page that posts two form records at once. */
    public FormErrors and(FormErrors other) {
        Map<String, String> fields = new LinkedHashMap<>(fieldKeys);
        other.fieldKeys.forEach(fields::putIfAbsent);
        List<String> global = new ArrayList<>(globalKeys);
        global.addAll(other.globalKeys);
        Map<String, String> values = new LinkedHashMap<>(typed);
        other.typed.forEach(values::putIfAbsent);
        return new FormErrors(fields, global, values);
    }

    /**
     * What a field shows: the text typed when it did not convert (a word in a date field), so the form
     * comes back as typed; otherwise the form's value (an enum by its name, nothing for null).
     */
    public String value(String field, @Nullable Object formValue) {
        String text = typed.get(field);
        if (text != null) {
            return text;
        }
        return formValue == null ? "" : formValue instanceof Enum<?> e ? e.name() : formValue.toString();
    }

    /**
     * These errors and one more, unless the field has one already: for a check that needs more than
     * the form (the password policy knows the person's name), run beside the form's own checks so that
     * every error shows at once, not one per submission.
     */
    public FormErrors with(String field, String key) {
        if (fieldKeys.containsKey(field)) {
            return this;
        }
        Map<String, String> fields = new LinkedHashMap<>(fieldKeys);
        fields.put(field, key);
        return new FormErrors(fields, globalKeys, typed);
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
