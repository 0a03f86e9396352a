package pl.koordes.support;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import pl.koordes.directory.Region;
import pl.koordes.directory.RegionPageSection;

/**
 * What tests add to the running application: region page sections from a pretend module, routes
 * that fail on purpose, and a counter of SQL statements. Test classes that import this share one context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestExtensions {

    /** Counts the SQL statements prepared through the application's data source. */
    public static final class StatementCounter {

        private final AtomicInteger count = new AtomicInteger();
        private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

        public void reset() {
            count.set(0);
            statements.clear();
        }

        public int count() {
            return count.get();
        }

        /** The statements counted since the last reset, in order: their SQL text ("(statement)" when not prepared). */
        public List<String> statements() {
            synchronized (statements) {
                return List.copyOf(statements);
            }
        }

        /**
         * The statements of the page itself: those of the session store (Spring Session) and the header's count of
         * unread notices left out. The session's are the same for every page, except that a page too long for the
         * response buffer is sent while still being written, and the session is then saved and read once more
         * whatever the page shows; the header's count is run at most once a page, and not at all while the account's
         * count is kept (a few seconds, {@code UnreadCounts.kept}).
         */
        public List<String> pageStatements() {
            return statements().stream().filter(StatementCounter::ofThePage).toList();
        }

        private static boolean ofThePage(String sql) {
            return !sql.contains("SPRING_SESSION") && !sql.contains(UNREAD_COUNT);
        }

        /** The header's count of unread notices (Notices.unread). */
        private static final String UNREAD_COUNT =
                "select count(*) from notifications_notice where account_id = ? and read_at is null";

        /**
         * Counts a statement. Statements of the session store (Spring Session's, on {@code SPRING_SESSION…}) and the
         * header's count of unread notices are listed but not counted, as {@link #pageStatements()} leaves them out:
         * the last access is written at most once a minute (SparseSessionTouches), a page larger than the answer's
         * buffer saves and reads its session once more, and the count is kept for a few seconds, so counting them
         * would make a page's figure depend on the clock and on its size.
         */
        void counted(@Nullable Object[] arguments) {
            String sql = arguments != null && arguments.length > 0 && arguments[0] instanceof String text
                    ? text
                    : "(statement)";
            if (ofThePage(sql)) {
                count.incrementAndGet();
            }
            statements.add(sql);
        }
    }

    @Bean
    StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    static BeanPostProcessor countingDataSource(ObjectProvider<StatementCounter> counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource dataSource)) {
                    return bean;
                }
                InvocationHandler connections = (proxy, method, args) -> {
                    Object result = invoke(method, dataSource, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(
                                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                                    // Only statements run for an HTTP request count: mail delivery, reminders and
                                    // other background jobs share the pool and would make the figures flaky.
                                    if ((m.getName().equals("prepareStatement")
                                                    || m.getName().equals("createStatement")
                                                    || m.getName().equals("prepareCall"))
                                            && Thread.currentThread().getName().startsWith("http-nio-")) {
                                        counter.getObject().counted(a);
                                    }
                                    return invoke(m, connection, a);
                                });
                    }
                    return result;
                };
                return Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {DataSource.class}, connections);
            }
        };
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Bean
    RegionPageSection secondSection() {
        return section(
                20,
                "second",
                (region, locale) -> region.slug().equals("lodzkie") ? Optional.of("<b>escaped</b>") : Optional.empty());
    }

    @Bean
    RegionPageSection firstSection() {
        return section(10, "first", (region, locale) -> Optional.of(region.slug() + " " + locale.getLanguage()));
    }

    /**
     * Routes that fail the way real code can, to prove what visitors see then. {@code @TestComponent}
     * keeps component scanning from adding them to contexts that do not import this configuration;
     * importing this configuration registers them as its member class.
     */
    @TestComponent
    @RestController
    static class FailingRoutes {

        @GetMapping("/test/failure")
        String failure() {
            throw new IllegalStateException(
                    "ERROR: relation \"secret_table\" does not exist; SQL [select * from secret_table]");
        }

        @GetMapping("/test/forbidden")
        String forbidden() {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }

        @GetMapping("/test/number")
        String number(@RequestParam int n) {
            return Integer.toString(n);
        }

        /**
         * Part of an HTML page, then trouble: an exception ({@code how=exception}), an error status
         * ({@code how=error}), or a page started again from an empty buffer ({@code how=reset}).
         */
        @GetMapping("/test/half-page")
        void halfPage(@RequestParam String how, HttpServletResponse response) throws IOException {
            response.setContentType("text/html;charset=UTF-8");
            PrintWriter writer = response.getWriter();
            writer.write("<!doctype html><p>" + "pierwsza połowa strony ".repeat(200) + "</p>");
            switch (how) {
                case "exception" -> throw new IllegalStateException("the page broke half way");
                case "error" -> response.sendError(HttpServletResponse.SC_CONFLICT);
                case "reset" -> {
                    response.resetBuffer();
                    writer.write("<!doctype html><p>" + "druga strona od początku ".repeat(200) + "</p>");
                }
                default -> throw new IllegalArgumentException(how);
            }
        }
    }

    private static RegionPageSection section(int order, String id, BiFunction<Region, Locale, Optional<String>> text) {
        return new RegionPageSection() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Content> render(Region region, Locale locale) {
                return text.apply(region, locale).map(t -> output -> {
                    output.writeContent("<section id=\"" + id + "\">" + order + " ");
                    output.writeUserContent(t);
                    output.writeContent("</section>");
                });
            }
        };
    }
}
