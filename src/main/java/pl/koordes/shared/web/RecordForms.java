package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;
import org.springframework.web.util.WebUtils;

/**
 * Form records built from a request the way Spring MVC's constructor binding builds them, with what it works out per
 * record type kept instead of worked out again on every request.
 *
 * <p>Why: Spring Framework 7's {@code DataBinder.createObject} asks, for every component of the record and every
 * request, the constructor's parameter annotations again: {@code MethodParameter.isOptional()} (through
 * {@code Nullness.forParameter}) for each field absent from the request, and a new {@code TypeDescriptor} for each
 * value it converts. Nothing of that is cached, and the JDK parses a constructor's annotations anew on each call (its
 * {@code Constructor} objects are fresh copies each time). In the registration bench that was 8 % of all the request
 * threads' samples, three quarters of the form's binding; it grows with the square of a form's fields.
 *
 * <p>What is kept, per record type: the canonical constructor, each component's {@link MethodParameter} (which keeps
 * its merged annotations once read) and whether it may be absent. Each request still gets its binder from Spring MVC's
 * factory (so its binding initializer, {@link FormBinding} with its normalising editor, and every {@code @InitBinder}
 * method run as before), its values are looked up in the same order (request parameter, address variable, the {@code !} default
 * and {@code _} marker fields) and converted by that binder with the same {@link MethodParameter}. Whatever this
 * does not cover goes Spring MVC's own way, unchanged: a value that does not convert (Spring MVC's way then records
 * the error), a component that is not a simple value (nested objects, lists, {@code Optional}, files), {@code
 * @BindParam}, multipart requests, an attribute already in the model. {@code RecordFormsIntegrationTests} holds every
 * form record of the application to Spring MVC's own result.
 *
 * <p>The record, once built, gets a binder of its own from the factory for validation and the binding result; a
 * record's property binding (which Spring MVC runs after construction) is left out: a record has nothing to set.
 */
@Configuration(proxyBeanMethods = false)
class RecordForms {

    @Bean
    static BeanPostProcessor recordFormResolvers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter) {
                    install(adapter);
                }
                return bean;
            }
        };
    }

    /**
     * Puts a {@link Resolver} in front of each of Spring MVC's two model-attribute resolvers: the one for
     * {@code @ModelAttribute} parameters (among the first) and the one for any other non-simple parameter (the last,
     * after the application's own resolvers), so that every parameter is claimed by whom it was claimed before.
     */
    static void install(RequestMappingHandlerAdapter adapter) {
        List<HandlerMethodArgumentResolver> resolvers = adapter.getArgumentResolvers();
        if (resolvers == null) {
            return;
        }
        Plans plans = new Plans();
        List<HandlerMethodArgumentResolver> installed = new ArrayList<>(resolvers.size() + 2);
        for (HandlerMethodArgumentResolver resolver : resolvers) {
            if (resolver instanceof ServletModelAttributeMethodProcessor) {
                installed.add(new Resolver(plans, annotationNotRequired(resolver)));
            }
            installed.add(resolver);
        }
        adapter.setArgumentResolvers(installed);
    }

    /** Whether Spring MVC's resolver takes a parameter without {@code @ModelAttribute} (its flag is private). */
    private static boolean annotationNotRequired(HandlerMethodArgumentResolver resolver) {
        try {
            MethodParameter probe = new MethodParameter(RecordForms.class.getDeclaredMethod("probe", Probe.class), 0);
            return resolver.supportsParameter(probe);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unused") // read by reflection in annotationNotRequired
    private static void probe(Probe probe) {}

    private record Probe(String value) {}

    /** The plans of the record types met so far; {@link Optional#empty()} for a type left to Spring MVC. */
    static final class Plans {
        private final Map<Class<?>, Optional<Plan>> plans = new ConcurrentHashMap<>();

        @Nullable
        Plan of(Class<?> type) {
            return plans.computeIfAbsent(type, t -> Optional.ofNullable(Plan.of(t)))
                    .orElse(null);
        }
    }

    /** One record type: its canonical constructor and its components. */
    static final class Plan {
        private final Constructor<?> constructor;
        private final Component[] components;

        private Plan(Constructor<?> constructor, Component[] components) {
            this.constructor = constructor;
            this.components = components;
        }

        static @Nullable Plan of(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
            @Nullable String[] names = BeanUtils.getParameterNames(constructor);
            Class<?>[] types = constructor.getParameterTypes();
            if (names.length != types.length || types.length == 0) {
                return null;
            }
            Component[] components = new Component[types.length];
            for (int i = 0; i < types.length; i++) {
                String name = names[i];
                Class<?> componentType = types[i];
                if (name == null
                        || componentType.isArray()
                        || componentType == Optional.class
                        || !BeanUtils.isSimpleValueType(componentType)) {
                    return null;
                }
                MethodParameter parameter = MethodParameter.forFieldAwareConstructor(constructor, i, name);
                if (parameter.hasParameterAnnotation(BindParam.class)) {
                    return null;
                }
                components[i] = new Component(name, componentType, parameter, parameter.isOptional());
            }
            return new Plan(constructor, components);
        }

        /**
         * The record built from the request, or {@code null} when a value does not convert (Spring MVC's own way then
         * records the error as it always did).
         */
        @Nullable
        Object build(WebDataBinder binder, HttpServletRequest request) {
            @SuppressWarnings("unchecked")
            Map<String, String> variables =
                    (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            @Nullable Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                Component component = components[i];
                Object value = value(binder, request, variables, component);
                if (value == null && component.optional()) {
                    arguments[i] = null;
                    continue;
                }
                try {
                    arguments[i] = binder.convertIfNecessary(value, component.type(), component.parameter());
                } catch (TypeMismatchException e) {
                    return null;
                }
            }
            return BeanUtils.instantiateClass(constructor, arguments);
        }

        /** As {@code ExtendedServletRequestDataBinder}'s value resolver, its header values off (see FormBinding). */
        private static @Nullable Object value(
                WebDataBinder binder,
                HttpServletRequest request,
                @Nullable Map<String, String> variables,
                Component component) {
            String name = component.name();
            Object value = parameter(request, variables, name);
            if (value == null) {
                String defaultPrefix = binder.getFieldDefaultPrefix();
                if (defaultPrefix != null) {
                    value = parameter(request, variables, defaultPrefix + name);
                }
                if (value == null) {
                    String markerPrefix = binder.getFieldMarkerPrefix();
                    if (markerPrefix != null && parameter(request, variables, markerPrefix + name) != null) {
                        value = binder.getEmptyValue(component.type());
                    }
                }
            }
            return value;
        }

        private static @Nullable Object parameter(
                HttpServletRequest request, @Nullable Map<String, String> variables, String name) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                return values.length == 1 ? values[0] : values;
            }
            return variables == null ? null : variables.get(name);
        }
    }

    /** A record component: its name, type, constructor parameter and whether it may be left absent. */
    record Component(String name, Class<?> type, MethodParameter parameter, boolean optional) {}

    /**
     * Resolves the form records it has a plan for; every other case goes to Spring MVC's own resolver of the same
     * kind, as it did before.
     */
    static final class Resolver implements HandlerMethodArgumentResolver {
        private final Plans plans;
        private final SpringWay spring;

        Resolver(Plans plans, boolean annotationNotRequired) {
            this.plans = plans;
            this.spring = new SpringWay(annotationNotRequired);
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            // Each stands just before Spring MVC's resolver of its kind, so it is asked what that one was asked.
            return spring.supportsParameter(parameter) && plans.of(parameter.getParameterType()) != null;
        }

        @Override
        public @Nullable Object resolveArgument(
                MethodParameter parameter,
                @Nullable ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                @Nullable WebDataBinderFactory binderFactory)
                throws Exception {
            HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
            String name = ModelFactory.getNameForParameter(parameter);
            Plan plan = plans.of(parameter.getParameterType());
            if (mavContainer == null
                    || binderFactory == null
                    || request == null
                    || plan == null
                    || mavContainer.containsAttribute(name)
                    || multipart(request)) {
                return spring.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
            }
            ModelAttribute annotation = parameter.getParameterAnnotation(ModelAttribute.class);
            if (annotation != null) {
                mavContainer.setBinding(name, annotation.binding());
            }
            ResolvableType type = ResolvableType.forMethodParameter(parameter);
            WebDataBinder converting = binderFactory.createBinder(webRequest, null, name, type);
            Object record = plan.build(converting, request);
            if (record == null) {
                return spring.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
            }
            WebDataBinder binder = binderFactory.createBinder(webRequest, record, name, type);
            spring.validate(binder, parameter);
            BindingResult result = binder.getBindingResult();
            if (result.hasErrors() && spring.bindExceptionRequired(binder, parameter)) {
                throw new MethodArgumentNotValidException(parameter, result);
            }
            Map<String, Object> model = result.getModel();
            mavContainer.removeAttributes(model);
            mavContainer.addAllAttributes(model);
            return record;
        }

        private static boolean multipart(HttpServletRequest request) {
            return StringUtils.startsWithIgnoreCase(request.getContentType(), MediaType.MULTIPART_FORM_DATA_VALUE)
                    || WebUtils.getNativeRequest(request, MultipartRequest.class) != null;
        }
    }

    /** Spring MVC's resolver, its validation steps opened to {@link Resolver}. */
    static final class SpringWay extends ServletModelAttributeMethodProcessor {
        SpringWay(boolean annotationNotRequired) {
            super(annotationNotRequired);
        }

        void validate(WebDataBinder binder, MethodParameter parameter) {
            validateIfApplicable(binder, parameter);
        }

        boolean bindExceptionRequired(WebDataBinder binder, MethodParameter parameter) {
            return isBindExceptionRequired(binder, parameter);
        }
    }
}
