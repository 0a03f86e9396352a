package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import pl.koordes.comments.CommentForm;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.shared.charts.ChartSamples;
import pl.koordes.support.IntegrationTest;

/**
 * Every form record of the application, bound by {@link RecordForms} and by Spring MVC's own resolver from the same
 * requests (nothing sent, everything sent, naughty strings, values that do not convert, several values for one
 * field, the {@code _} marker and {@code !} default fields, an address variable and a header named like a field):
 * the same record or the same exception, the same errors with the same rejected values, the same values shown back
 * in the form. With the controller's own binder factory, so every {@code @InitBinder} method runs as in a request.
 */
@IntegrationTest
class RecordFormsIntegrationTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    RequestMappingHandlerAdapter adapter;

    private final List<String> naughty = ChartSamples.naughtyStrings();

    @Test
    void everyFormRecordIsBoundAsSpringMvcBindsIt() throws Exception {
        // The form rules are Spring MVC's binding initializer, so every binder below gets them.
        assertThat(adapter.getWebBindingInitializer()).isInstanceOf(FormBinding.class);
        List<Case> cases = cases();
        Set<Class<?>> types = new LinkedHashSet<>();
        cases.forEach(c -> types.add(c.parameter().getParameterType()));
        // The forms the benches post are among them, so this cannot pass by checking nothing.
        assertThat(types).contains(RegistrationForm.class, CommentForm.class).hasSizeGreaterThan(40);

        int compared = 0;
        for (Case c : cases) {
            for (Consumer<MockHttpServletRequest> request :
                    requests(c.parameter().getParameterType())) {
                Outcome ours = resolve(c, c.ours(), request);
                Outcome spring = resolve(c, c.spring(), request);
                assertThat(ours).as("%s in %s", c.parameter(), c.handler()).isEqualTo(spring);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void aHeaderNamedLikeAFieldDoesNotFillIt() throws Exception {
        Case registration = cases().stream()
                .filter(c -> c.parameter().getParameterType() == RegistrationForm.class)
                .findFirst()
                .orElseThrow();
        Consumer<MockHttpServletRequest> request = r -> {
            r.addHeader("Full-Name", "from a header");
            r.addHeader("institution", "from a header");
        };
        for (HandlerMethodArgumentResolver resolver : List.of(registration.ours(), registration.spring())) {
            Outcome outcome = resolve(registration, resolver, request);
            assertThat(outcome.value()).doesNotContain("from a header");
            assertThat(outcome.shown()).doesNotContainValue("from a header");
        }
    }

    /** Each form record parameter claimed by a {@link RecordForms.Resolver}, with Spring MVC's resolver behind it. */
    private List<Case> cases() {
        List<HandlerMethodArgumentResolver> resolvers = Objects.requireNonNull(adapter.getArgumentResolvers());
        List<Case> cases = new ArrayList<>();
        for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                for (int i = 0; i < resolvers.size(); i++) {
                    HandlerMethodArgumentResolver resolver = resolvers.get(i);
                    if (resolver.supportsParameter(parameter)) {
                        if (resolver instanceof RecordForms.Resolver) {
                            cases.add(new Case(handler, parameter, resolver, resolvers.get(i + 1)));
                        }
                        break;
                    }
                }
            }
        }
        return cases;
    }

    /** The requests tried on a record type: built from its components. */
    private List<Consumer<MockHttpServletRequest>> requests(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<Consumer<MockHttpServletRequest>> requests = new ArrayList<>();
        requests.add(r -> {});
        for (int round = 0; round < 3; round++) {
            int offset = round * 37;
            requests.add(r -> {
                for (int i = 0; i < components.length; i++) {
                    String good = good(components[i].getType(), offset + i);
                    if (good != null) {
                        r.addParameter(components[i].getName(), good);
                    }
                }
            });
        }
        for (RecordComponent component : components) {
            String name = component.getName();
            Class<?> componentType = component.getType();
            requests.add(r -> r.addParameter(name, "nie-liczba ✗"));
            requests.add(r -> r.addParameter(name, "  \t "));
            requests.add(r -> r.addParameter(name, ""));
            requests.add(r -> r.addParameter(name, "pierwsza", "druga"));
            requests.add(r -> r.addParameter("_" + name, "on"));
            requests.add(r -> r.addParameter("!" + name, Objects.requireNonNullElse(good(componentType, 5), "x")));
            requests.add(r -> r.setAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                    Map.of(name, Objects.requireNonNullElse(good(componentType, 9), "7"))));
            requests.add(r -> r.addHeader(name, "z nagłówka"));
        }
        return requests;
    }

    /** A value a person could type into a field of this type; texts come from the naughty strings. */
    private @Nullable String good(Class<?> type, int index) {
        if (type == String.class) {
            return naughty.get(index % naughty.size());
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return ((Enum<?>) constants[index % constants.length]).name();
        }
        if (type == boolean.class || type == Boolean.class) {
            return index % 2 == 0 ? "true" : "false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Integer.toString(index + 1);
        }
        if (type == BigDecimal.class) {
            return index % 2 == 0 ? "12,5" : "7";
        }
        if (type == LocalDate.class) {
            return "2026-12-" + (10 + index % 18);
        }
        if (type == LocalTime.class) {
            return "10:" + (10 + index % 40);
        }
        if (type == LocalDateTime.class) {
            return "2026-12-10T10:" + (10 + index % 40);
        }
        return null;
    }

    private Outcome resolve(Case c, HandlerMethodArgumentResolver resolver, Consumer<MockHttpServletRequest> setUp)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/formularz");
        request.setContentType("application/x-www-form-urlencoded");
        setUp.accept(request);
        ServletWebRequest webRequest = new ServletWebRequest(request, new MockHttpServletResponse());
        WebDataBinderFactory binders = Objects.requireNonNull(ReflectionTestUtils.invokeMethod(
                adapter, "getDataBinderFactory", c.handler().createWithResolvedBean()));
        ModelAndViewContainer model = new ModelAndViewContainer();
        Object value;
        BindingResult result;
        try {
            value = resolver.resolveArgument(c.parameter(), model, webRequest, binders);
            result = model.getModel().values().stream()
                    .filter(BindingResult.class::isInstance)
                    .map(BindingResult.class::cast)
                    .findFirst()
                    .orElseThrow();
        } catch (MethodArgumentNotValidException e) {
            value = "MethodArgumentNotValidException";
            result = e.getBindingResult();
        } catch (RuntimeException e) {
            return new Outcome(e.getClass().getName() + ": " + e.getMessage(), List.of(), Map.of());
        }
        List<String> errors = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            errors.add(
                    error instanceof FieldError field
                            ? field.getField() + " " + field.getCode() + " [" + field.getRejectedValue() + "]"
                            : error.getObjectName() + " " + error.getCode());
        }
        // Bean Validation reports its violations as a set, in no fixed order.
        errors.sort(null);
        Map<String, String> shown = new LinkedHashMap<>();
        for (RecordComponent component : c.parameter().getParameterType().getRecordComponents()) {
            shown.put(component.getName(), String.valueOf(result.getFieldValue(component.getName())));
        }
        return new Outcome(String.valueOf(value), errors, shown);
    }

    private record Case(
            HandlerMethod handler,
            MethodParameter parameter,
            HandlerMethodArgumentResolver ours,
            HandlerMethodArgumentResolver spring) {}

    /** What a controller gets, the errors, and the values the form would show again. */
    private record Outcome(String value, List<String> errors, Map<String, String> shown) {}
}
