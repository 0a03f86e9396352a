package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import pl.koordes.accounts.RouteMatrix.Actor;
import pl.koordes.accounts.RouteMatrix.Answer;
import pl.koordes.accounts.RouteMatrix.Row;
import pl.koordes.support.IntegrationTest;

/**
 * A NUL (PostgreSQL refuses it in text) in every field of every form and in every query parameter of every
 * route of the matrix, as each kind of person: the answer is the form again (422) or a refusal (4xx), never a
 * server error, and a form shown again does not carry the NUL back.
 */
@IntegrationTest
class NulInputIntegrationTests {

    static final String NUL = "Ab\u0000c";
    static final List<Actor> ACTORS =
            List.of(Actor.ANONYMOUS, Actor.PARTICIPANT, Actor.REGIONAL_COORDINATOR, Actor.EDITOR, Actor.ADMINISTRATOR);

    @Autowired
    WebApplicationContext context;

    RouteMatrix matrix;
    ActorRequests requests;

    @BeforeEach
    void setUp() {
        matrix = RouteMatrix.load();
        // The filter that refuses control characters in query strings and turns what still reaches the
        // database into a 400 is a servlet filter, which MockMvc leaves out unless given.
        requests =
                new ActorRequests(context, context.getBean("controlCharacterFilter", Filter.class)).from("192.0.2.78");
    }

    @Test
    void aNulInAnyFieldOrQueryParameterIsNeverAServerError() {
        Map<String, HandlerMethod> handlers = handlers(context);
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : matrix.rows()) {
            HandlerMethod handler = handlers.get(row.key());
            Set<String> fields = handler == null ? new LinkedHashSet<>() : fields(handler);
            // Whatever the handler reads, and the names every list page and link uses.
            fields.addAll(List.of("q", "strona", "page", "token", "email"));
            String method = row.method().equals("*") ? "GET" : row.method();
            List<Map<String, String>> variants = new ArrayList<>();
            Map<String, String> all = new LinkedHashMap<>();
            fields.forEach(f -> all.put(f, NUL));
            variants.add(all);
            if (method.equals("GET")) {
                fields.forEach(f -> variants.add(Map.of(f, NUL)));
            }
            for (Actor actor : ACTORS) {
                for (Map<String, String> parameters : variants) {
                    cells++;
                    String what =
                            String.format("%s %s as %s with %s", method, row.sample(), actor, parameters.keySet());
                    try {
                        Answer answer = requests.request(actor, method, row.sample(), parameters);
                        if (answer.status() >= 500) {
                            wrong.add(what + ": " + answer.status());
                        } else if (method.equals("GET") && answer.status() != 400) {
                            wrong.add(what + ": a control character in the query is a 400, got " + answer.status());
                        } else if (answer.body().indexOf('\u0000') >= 0) {
                            wrong.add(what + ": the answer carries the NUL back (" + answer.status() + ")");
                        }
                    } catch (RuntimeException e) {
                        Throwable cause = e;
                        while (cause.getCause() != null) {
                            cause = cause.getCause();
                        }
                        wrong.add(what + ": " + cause);
                    }
                }
            }
        }
        System.out.printf("NUL sweep: %d requests%n", cells);
        assertThat(wrong).as("answers to a NUL").isEmpty();
    }

    static Map<String, HandlerMethod> handlers(WebApplicationContext context) {
        Map<String, HandlerMethod> handlers = new LinkedHashMap<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                    mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods =
                        entry.getKey().getMethodsCondition().getMethods();
                for (String pattern : entry.getKey().getPatternValues()) {
                    if (methods.isEmpty()) {
                        handlers.put(Row.key("*", pattern), entry.getValue());
                    } else {
                        methods.forEach(m -> handlers.put(Row.key(m.name(), pattern), entry.getValue()));
                    }
                }
            }
        }
        return handlers;
    }

    /** The request parameters a handler reads: its {@code @RequestParam}s and the fields of its form objects. */
    static Set<String> fields(HandlerMethod handler) {
        Set<String> fields = new LinkedHashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null) {
                String name = !requestParam.name().isEmpty() ? requestParam.name() : requestParam.value();
                if (name.isEmpty()) {
                    name = parameter.getParameterName();
                }
                if (name != null && !MultipartFile.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)) {
                    fields.add(name);
                }
            } else if (type.getName().startsWith("pl.koordes.")
                    && !type.getName().startsWith("pl.koordes.shared.security.")
                    && !type.isEnum()
                    && !type.isInterface()) {
                formFields("", type, fields, 0);
            }
        }
        return fields;
    }

    private static void formFields(String prefix, Class<?> type, Set<String> fields, int depth) {
        if (depth > 3) {
            return;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                field(prefix + component.getName(), component.getType(), component.getGenericType(), fields, depth);
            }
        } else {
            for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
                if (property.getWriteMethod() != null) {
                    field(
                            prefix + property.getName(),
                            property.getPropertyType(),
                            property.getWriteMethod().getGenericParameterTypes()[0],
                            fields,
                            depth);
                }
            }
        }
    }

    private static void field(String name, Class<?> type, Type generic, Set<String> fields, int depth) {
        if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            if (element instanceof Class<?> elementType
                    && elementType.getName().startsWith("pl.koordes.")
                    && !elementType.isEnum()) {
                formFields(name + "[0].", elementType, fields, depth + 1);
            } else {
                fields.add(name);
            }
        } else if (type.getName().startsWith("pl.koordes.") && !type.isEnum()) {
            formFields(name + ".", type, fields, depth + 1);
        } else if (!MultipartFile.class.isAssignableFrom(type)) {
            fields.add(name);
        }
    }
}
