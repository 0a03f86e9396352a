package pl.koordes.shared.web;

import org.springframework.validation.Errors;

/**
 * The one place of a form record for rules that involve more than one field (the end after the start,
 * an online link when the event is online). Annotations say what one field must be; this says what
 * fields must be together. {@link FormErrors#check} runs it after the annotations, and a field that
 * already has an error gets no second one.
 */
public interface CrossFieldRules {

    /** Reports each broken rule with {@code errors.rejectValue(field, messageKey)} or {@code errors.reject(messageKey)}. */
    void checkTogether(Errors errors);
}
