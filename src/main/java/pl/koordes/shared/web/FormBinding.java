package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.beans.PropertyEditorSupport;
import java.lang.reflect.RecordComponent;
import java.util.Enumeration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.http.HttpStatus;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;
import pl.koordes.shared.text.TextInput;

/**
 * Every text a form sends passes through {@link TextInput#normalise} before a controller sees it:
 * fields of form records and single request parameters alike. Passwords are the exception (a
 * parameter or field whose name contains "password"): they are checked as typed, byte for byte; a
 * form record with a password normalises its other texts itself (see {@link #isRecordWithPassword}).
 *
 * <p>Spring MVC's binding initializer (Spring Boot takes a bean of this type for its own), not {@code @InitBinder}
 * methods of a controller advice: Spring MVC builds a handler method object for each advice's {@code @InitBinder}
 * method on every request (looking up its annotations again) and calls it by reflection, with its arguments
 * resolved, for each binder, and it makes a binder for every {@code @RequestParam} and {@code @PathVariable} it
 * converts. That was 2–4 % of a signed-in page's CPU.
 */
class FormBinding extends ConfigurableWebBindingInitializer {

    /** Set once the request's parameter names were checked ({@link #refuseRowsPastTheLimit}). */
    private static final String ROWS_CHECKED = FormBinding.class.getName() + ".rowsChecked";

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** As Spring Boot's own initializer (its conversion service and validator), with the form rules added. */
        @Bean
        FormBinding formBinding(
                @Qualifier("mvcConversionService") FormattingConversionService conversionService,
                @Qualifier("mvcValidator") Validator validator) {
            FormBinding binding = new FormBinding();
            binding.setConversionService(conversionService);
            binding.setValidator(validator);
            return binding;
        }
    }

    @Override
    public void initBinder(WebDataBinder binder) {
        super.initBinder(binder);
        refuseRowsPastTheLimit();
        normaliseText(binder);
    }

    private static void normaliseText(WebDataBinder binder) {
        // A form's fields come from the form: Spring MVC would otherwise fill a field the request left out from a
        // request header of the same name (a header "Email" into the field "email").
        if (binder instanceof ExtendedServletRequestDataBinder extended) {
            extended.setHeaderPredicate(header -> false);
        }
        if (isPasswordParameter(binder) || isRecordWithPassword(formType(binder))) {
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

    /**
     * A row of repeated fields far past any form's (see {@link RowIndexes}): a malformed request, 400. Checked when
     * the request's first binder is made, once per request.
     */
    private static void refuseRowsPastTheLimit() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        if (request.getAttribute(ROWS_CHECKED) != null) {
            return;
        }
        for (Enumeration<String> names = request.getParameterNames(); names.hasMoreElements(); ) {
            if (RowIndexes.pastTheLimit(names.nextElement())) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a row index past the limit");
            }
        }
        request.setAttribute(ROWS_CHECKED, Boolean.TRUE);
    }

    private static final String[] PASSWORD_FIELDS = {"password", "passwordRepeated", "currentPassword", "newPassword"};

    /**
     * A form record is built through its constructor, and constructor arguments are converted with the
     * binder's general editors only (field-specific ones are not consulted), so a password component
     * would be normalised like any text. Such a record gets no normalising editor; it normalises its
     * other texts itself with {@link TextInput#normalise} in its compact constructor.
     */
    private static boolean isRecordWithPassword(@Nullable Class<?> resolved) {
        if (resolved == null || !resolved.isRecord()) {
            return false;
        }
        for (RecordComponent component : resolved.getRecordComponents()) {
            if (isPassword(component.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The form's type: the one to be built, or that of the form already built (see {@link RecordForms}). */
    private static @Nullable Class<?> formType(WebDataBinder binder) {
        ResolvableType type = binder.getTargetType();
        if (type != null) {
            return type.resolve();
        }
        Object target = binder.getTarget();
        return target == null ? null : target.getClass();
    }

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
