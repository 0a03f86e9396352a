package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;
import pl.koordes.shared.outcome.Refused;

class FormErrorsTests {

    record Period(@Nullable LocalDate from, @Nullable LocalDate to) implements CrossFieldRules {
        @Override
        public void checkTogether(Errors errors) {
            if (from != null && to != null && to.isBefore(from)) {
                errors.rejectValue("to", "test.period.endBeforeStart");
            }
            if (from == null && to == null) {
                errors.reject("test.period.empty");
            }
        }
    }

    @Test
    void crossFieldRulesAddTheirErrorsAfterTheAnnotations() {
        Period period = new Period(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 1));
        FormErrors errors = FormErrors.check(period, new DirectFieldBindingResult(period, "period"));
        assertThat(errors.any()).isTrue();
        assertThat(errors.key("to")).isEqualTo("test.period.endBeforeStart");
        assertThat(errors.global()).isEmpty();
    }

    @Test
    void aFieldThatAlreadyHasAnErrorGetsNoSecond() {
        Period period = new Period(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 1));
        BindingResult result = new DirectFieldBindingResult(period, "period");
        result.rejectValue("to", "form.invalid", "form.invalid");
        assertThat(FormErrors.check(period, result).key("to")).isEqualTo("form.invalid");
    }

    @Test
    void rulesAboutTheWholeFormGoToTheSummaryAlone() {
        Period period = new Period(null, null);
        FormErrors errors = FormErrors.check(period, new DirectFieldBindingResult(period, "period"));
        assertThat(errors.fields()).isEmpty();
        assertThat(errors.global()).containsExactly("test.period.empty");
    }

    @Test
    void aValidFormHasNoErrors() {
        Period period = new Period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 4));
        assertThat(FormErrors.check(period, new DirectFieldBindingResult(period, "period"))
                        .any())
                .isFalse();
    }

    @Test
    void aRefusalShowsEachReasonBesideItsField() {
        FormErrors errors = FormErrors.of(Refused.all(List.of(
                new Refused.Reason("code", "test.code.taken"),
                new Refused.Reason(null, "test.closed"),
                new Refused.Reason("code", "test.second"))));
        assertThat(errors.fields()).containsExactly(Map.entry("code", "test.code.taken"));
        assertThat(errors.global()).containsExactly("test.closed");
        assertThat(Refused.conflict("test.closed").kind()).isEqualTo(Refused.Kind.CONFLICT);
        assertThat(Refused.field("a", "b").kind()).isEqualTo(Refused.Kind.INVALID);
    }
}
