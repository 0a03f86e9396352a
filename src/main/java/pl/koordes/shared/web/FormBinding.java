package pl.koordes.shared.web;

import java.beans.PropertyEditorSupport;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import pl.koordes.shared.text.TextInput;

/**
 * Every text a form sends passes through {@link TextInput#normalise} before a controller sees it:
 * fields of form records and single request parameters alike. Passwords are the exception (a
 * parameter or field whose name contains "password"): they are checked as typed, byte for byte.
 */
@ControllerAdvice
class FormBinding {

    @InitBinder
    void normaliseText(WebDataBinder binder) {
        if (isPassword(binder.getObjectName())) {
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

    private static final String[] PASSWORD_FIELDS = {"password", "passwordRepeated", "currentPassword", "newPassword"};

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
