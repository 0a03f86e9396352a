package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.server.ResponseStatusException;
import pl.koordes.directory.DirectoryEditing;
import pl.koordes.shared.web.FormErrors;

/** Turns validation results into the errors a form shows, beside its fields and in the summary (administration and the coordination workspace). */
public final class AdminForms {

    /** Checks across fields are reported beside the field a person has to change. */
    private static final Map<String, String> FIELD_OF_CHECK = Map.of(
            "termEndAfterStart", "termEnd",
            "termEndNotBeforeStart", "termEnd",
            "termStartInRange", "termStart",
            "termEndInRange", "termEnd",
            "regionGivenWhenRegional", "regionId");

    private static final Set<String> DATE_FIELDS = Set.of("termStart", "termEnd", "end");

    private AdminForms() {
    }

    /**
     * The errors of a bound form in the order of its fields. A value that did not convert (a word
     * where a number or a date belongs) outranks what validation then said about the empty field.
     */
    public static FormErrors errors(BindingResult result, List<String> fieldOrder) {
        Map<String, String> found = new LinkedHashMap<>();
        Map<String, String> conversion = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            String key = error.getDefaultMessage() != null ? error.getDefaultMessage() : "form.invalid";
            if (error instanceof FieldError fieldError) {
                String field = FIELD_OF_CHECK.getOrDefault(fieldError.getField(), fieldError.getField());
                if (fieldError.isBindingFailure()) {
                    conversion.putIfAbsent(field, DATE_FIELDS.contains(field) ? "directory.admin.date.invalid" : "form.invalid");
                } else {
                    found.putIfAbsent(field, key);
                }
            } else {
                global.add(key);
            }
        }
        found.putAll(conversion);
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : fieldOrder) {
            if (found.containsKey(field)) {
                ordered.put(field, found.remove(field));
            }
        }
        ordered.putAll(found);
        return errors(ordered, global);
    }

    /** The errors of a change the directory refused. */
    public static FormErrors errors(DirectoryEditing.Refused refused) {
        return refused.field() != null ? errors(Map.of(refused.field(), refused.messageKey()), List.of())
                : errors(Map.of(), List.of(refused.messageKey()));
    }

    /** Errors beside fields (field → message key) and about the form as a whole. */
    public static FormErrors errors(Map<String, String> fields, List<String> global) {
        MapBindingResult result = new MapBindingResult(new HashMap<>(), "form");
        fields.forEach((field, key) -> result.rejectValue(field, key, key));
        global.forEach(key -> result.reject(key, key));
        return FormErrors.of(result);
    }

    /** Marks the answer as a form returned for correction. */
    public static void unprocessable(HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    }

    public static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** A date as sent by a date field (ISO), or null when it is not one. */
    public static @Nullable LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
