package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import pl.koordes.shared.web.FormErrors;

/**
 * The errors of a submitted form, all at once. When a value does not convert (a word in a date field)
 * Spring does not validate the rest of the form; here the rest is checked too, so the summary lists
 * every mistake instead of revealing them one submission at a time.
 */
@Component
public class AdminValidation {

    private final Validator validator;
    private final ConversionService conversions;

    AdminValidation(Validator validator, @Qualifier("mvcConversionService") ConversionService conversions) {
        this.validator = validator;
        this.conversions = conversions;
    }

    public FormErrors errors(Class<? extends Record> type, BindingResult result, HttpServletRequest request, List<String> fieldOrder) {
        Set<String> failed = result.getFieldErrors().stream().filter(FieldError::isBindingFailure)
                .map(FieldError::getField).collect(Collectors.toSet());
        if (!failed.isEmpty()) {
            Record readable = readable(type, request, failed);
            if (readable != null) {
                for (ConstraintViolation<Record> violation : validator.validate(readable)) {
                    String field = violation.getPropertyPath().toString();
                    if (!failed.contains(field)) {
                        result.addError(new FieldError(result.getObjectName(), field, violation.getInvalidValue(), false,
                                null, null, violation.getMessage()));
                    }
                }
            }
        }
        return AdminForms.errors(result, fieldOrder);
    }

    /** The form with what could be read from the request; fields that did not convert are left empty. */
    private Record readable(Class<? extends Record> type, HttpServletRequest request, Set<String> failed) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<? extends Record> constructor = type.getDeclaredConstructor(types);
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String raw = request.getParameter(components[i].getName());
                if (failed.contains(components[i].getName()) || raw == null || raw.isBlank()) {
                    continue;
                }
                TypeDescriptor target = new TypeDescriptor(MethodParameter.forExecutable(constructor, i));
                try {
                    arguments[i] = conversions.convert(raw.strip(), TypeDescriptor.valueOf(String.class), target);
                } catch (ConversionException notReadable) {
                    arguments[i] = null;
                }
            }
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
