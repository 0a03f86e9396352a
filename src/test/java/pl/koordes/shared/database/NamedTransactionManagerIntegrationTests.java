package pl.koordes.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.support.IntegrationTest;

/**
 * The transaction interceptor finds the application's one transaction manager by name: every {@code @Transactional}
 * method's attribute names it, and says otherwise what the annotation says.
 */
@IntegrationTest
class NamedTransactionManagerIntegrationTests {

    @Autowired
    TransactionInterceptor interceptor;

    @Autowired
    ListableBeanFactory beans;

    @Test
    void aTransactionalMethodsAttributeNamesTheOneManagerAndKeepsTheRest() throws Exception {
        assertThat(interceptor.getTransactionAttributeSource()).isInstanceOf(NamedTransactionManager.Named.class);
        String[] managers = beans.getBeanNamesForType(TransactionManager.class);
        assertThat(managers).hasSize(1);

        Method mine = EventRegistrations.class.getMethod("mine", CurrentUser.class);
        TransactionAttribute attribute =
                interceptor.getTransactionAttributeSource().getTransactionAttribute(mine, EventRegistrations.class);
        assertThat(attribute).isNotNull();
        assertThat(attribute.getQualifier()).isEqualTo(managers[0]);
        assertThat(attribute.isReadOnly()).isTrue();
        assertThat(attribute.getPropagationBehavior()).isEqualTo(TransactionDefinition.PROPAGATION_REQUIRED);
        assertThat(attribute.rollbackOn(new RuntimeException())).isTrue();
        assertThat(attribute.rollbackOn(new Exception())).isFalse();
        // The same copy every call: the look-up must stay cheap.
        assertThat(interceptor.getTransactionAttributeSource().getTransactionAttribute(mine, EventRegistrations.class))
                .isSameAs(attribute);
    }

    static class Probe {
        @Transactional(readOnly = true, timeout = 7)
        public void read() {}

        @Transactional("elsewhere")
        public void named() {}
    }

    @Test
    void withSeveralManagersOrANamedOneNothingIsChanged() throws Exception {
        AnnotationTransactionAttributeSource annotations = new AnnotationTransactionAttributeSource();
        Method read = Probe.class.getMethod("read");
        Method named = Probe.class.getMethod("named");

        DefaultListableBeanFactory two = new DefaultListableBeanFactory();
        two.registerSingleton("one", new DataSourceTransactionManager());
        two.registerSingleton("other", new DataSourceTransactionManager());
        NamedTransactionManager.Named overTwo = new NamedTransactionManager.Named(annotations, two);
        assertThat(overTwo.getTransactionAttribute(read, Probe.class))
                .isSameAs(annotations.getTransactionAttribute(read, Probe.class));

        StaticListableBeanFactory one = new StaticListableBeanFactory();
        one.addBean("only", new DataSourceTransactionManager());
        NamedTransactionManager.Named overOne = new NamedTransactionManager.Named(annotations, one);
        TransactionAttribute copied = overOne.getTransactionAttribute(read, Probe.class);
        assertThat(copied).isNotNull();
        assertThat(copied.getQualifier()).isEqualTo("only");
        assertThat(copied.isReadOnly()).isTrue();
        assertThat(copied.getTimeout()).isEqualTo(7);
        TransactionAttribute explicit = overOne.getTransactionAttribute(named, Probe.class);
        assertThat(explicit).isNotNull();
        assertThat(explicit.getQualifier()).isEqualTo("elsewhere");
    }
}
