package pl.koordes.shared.database;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodClassKey;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.RuleBasedTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

/**
 * Names the application's one transaction manager in every {@code @Transactional} method's attribute that names none.
 *
 * <p>Why: for such a method, Spring's transaction interceptor looks for a {@code @Qualifier} on the target class on every
 * call ({@code BeanFactoryAnnotationUtils.getQualifierValue}, an annotation scan that is not cached) before it falls
 * back to the default manager: 1.9 % of a signed-in page's CPU (JFR). With the manager's bean name in the attribute
 * it takes its cached look-up by name instead. The choice is the same one: with a single manager both ways find it; with
 * none or several, nothing is changed and Spring decides as before.
 */
@Configuration(proxyBeanMethods = false)
class NamedTransactionManager {

    /**
     * Wraps the interceptor's source once every singleton exists: the interceptor is made early, while the
     * auto-proxy creator is set up, before a post-processor of this application could see it. The transactional calls
     * made before then (at start-up) are unchanged.
     */
    @Bean
    SmartInitializingSingleton transactionManagerNamedInAttributes(ListableBeanFactory beans) {
        return () -> {
            for (TransactionInterceptor interceptor : beans.getBeansOfType(TransactionInterceptor.class, false, false)
                    .values()) {
                TransactionAttributeSource source = interceptor.getTransactionAttributeSource();
                if (source != null && !(source instanceof Named)) {
                    interceptor.setTransactionAttributeSource(new Named(source, beans));
                }
            }
        };
    }

    /** The attributes of the source it wraps, each with the one transaction manager's name when it names none. */
    static final class Named implements TransactionAttributeSource {

        private final TransactionAttributeSource source;
        private final ListableBeanFactory beans;
        private final Map<MethodClassKey, Copy> named = new ConcurrentHashMap<>();
        private volatile @Nullable String managerName;

        Named(TransactionAttributeSource source, ListableBeanFactory beans) {
            this.source = source;
            this.beans = beans;
        }

        @Override
        public boolean isCandidateClass(Class<?> targetClass) {
            return source.isCandidateClass(targetClass);
        }

        @Override
        public boolean hasTransactionAttribute(Method method, @Nullable Class<?> targetClass) {
            return source.hasTransactionAttribute(method, targetClass);
        }

        @Override
        public @Nullable TransactionAttribute getTransactionAttribute(Method method, @Nullable Class<?> targetClass) {
            TransactionAttribute attribute = source.getTransactionAttribute(method, targetClass);
            if (attribute == null || StringUtils.hasText(attribute.getQualifier())) {
                return attribute;
            }
            String manager = managerName();
            if (manager.isEmpty() || !(attribute instanceof RuleBasedTransactionAttribute rules)) {
                return attribute;
            }
            MethodClassKey key = new MethodClassKey(method, targetClass);
            Copy kept = named.get(key);
            // The source keeps one attribute per method and class: it is copied once (and again if it ever changes).
            if (kept == null || kept.of() != attribute) {
                RuleBasedTransactionAttribute copy = new RuleBasedTransactionAttribute(rules);
                copy.setQualifier(manager);
                kept = new Copy(attribute, copy);
                named.put(key, kept);
            }
            return kept.named();
        }

        private record Copy(TransactionAttribute of, TransactionAttribute named) {}

        /** The single transaction manager's bean name, or "" when there is none or more than one. */
        private String managerName() {
            String name = managerName;
            if (name == null) {
                String[] names = beans.getBeanNamesForType(TransactionManager.class, false, false);
                name = names.length == 1 ? names[0] : "";
                managerName = name;
            }
            return name;
        }
    }
}
