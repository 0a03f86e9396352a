package pl.koordes.shared.web;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;
import pl.koordes.shared.text.TextInput;

/**
 * Every text a form sends passes through {@link TextInput#normalise} before a controller sees it:
 * fields of form records and single request parameters alike. Passwords are the exception (a
 * parameter or field whose name contains "password"): they are checked as typed, byte for byte; a
 * form record with a password normalises its other texts itself (see {@link #isRecordWithPassword}).
 *
 * <p>It is Spring MVC's binding initializer (installed by {@link PageModel} around the one Spring Boot
 * configures), not an {@code @InitBinder} method of a controller advice: such a method is looked up, wrapped and
 * invoked through reflection with its arguments resolved for every binder of every request (issue 19, item 5).
 */
final class FormBinding implements WebBindingInitializer {

    private final @Nullable WebBindingInitializer configured;

    FormBinding(@Nullable WebBindingInitializer configured) {
        this.configured = configured;
    }

    @Override
    public void initBinder(WebDataBinder binder) {
        if (configured != null) {
            configured.initBinder(binder);
        }
        refuseRowsPastTheLimit();
        normaliseText(binder);
    }

    private static void normaliseText(WebDataBinder binder) {
        if (isPasswordParameter(binder) || isRecordWithPassword(binder.getTargetType())) {
            return;
        }
        binder.registerCustomEditor(String.class, new NormalisingEditor());
        // Password fields of a form object keep their text as typed.
        if (binder.getTarget() != null) {
            for (String field : PASSWORD_FIELDS) {
                binder.registerCustomEditor(String.class, field, new PlainEditor());
            }
        }
    }

    /** A row of repeated fields far past any form's (see {@link RowIndexes}): a malformed request, 400. */
    private static void refuseRowsPastTheLimit() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes request)) {
            return;
        }
        for (Iterator<String> names = request.getRequest().getParameterNames().asIterator(); names.hasNext(); ) {
            if (RowIndexes.pastTheLimit(names.next())) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a row index past the limit");
            }
        }
    }

    private static final String[] PASSWORD_FIELDS = {"password", "passwordRepeated", "currentPassword", "newPassword"};

    /**
     * A form record is built through its constructor, and constructor arguments are converted with the
     * binder's general editors only (field-specific ones are not consulted), so a password component
     * would be normalised like any text. Such a record gets no normalising editor; it normalises its
     * other texts itself with {@link TextInput#normalise} in its compact constructor.
     */
    private static boolean isRecordWithPassword(@Nullable ResolvableType type) {
        Class<?> resolved = type == null ? null : type.resolve();
        return resolved != null && RECORDS_WITH_PASSWORD.get(resolved);
    }

    /** Whether a class is a record with a password component, worked out once per class. */
    private static final ClassValue<Boolean> RECORDS_WITH_PASSWORD = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return false;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (isPassword(component.getName())) {
                    return true;
                }
            }
            return false;
        }
    };

    /**
     * A single request parameter named like a password. A form object is judged by its fields, not by its
     * name: {@code passwordResetRequestForm} holds an address, which is normalised like any text.
     */
    private static boolean isPasswordParameter(WebDataBinder binder) {
        Class<?> type =
                binder.getTargetType() == null ? null : binder.getTargetType().resolve();
        boolean formObject = binder.getTarget() != null || (type != null && !BeanUtils.isSimpleValueType(type));
        return !formObject && isPassword(binder.getObjectName());
    }

    private static boolean isPassword(@Nullable String name) {
        return name != null && name.toLowerCase(Locale.ROOT).contains("password");
    }

    private static final class NormalisingEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(@Nullable String text) {
            setValue(TextInput.normalise(text));
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }

    private static final class PlainEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(@Nullable String text) {
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
