package pl.koordes.accounts;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import pl.koordes.shared.audit.AuditAction;

/** Every audit action of every module's enum, found on the class path, so that a new module's enum is not forgotten. */
final class AuditActions {

    private AuditActions() {}

    /** Each stored action name with the enum that declares it. */
    static Map<String, Class<?>> all() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AuditAction.class));
        Map<String, Class<?>> actions = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("pl.koordes")) {
            Class<?> type = ClassUtils.resolveClassName(
                    Objects.requireNonNull(candidate.getBeanClassName()), AuditActions.class.getClassLoader());
            if (!type.isEnum()) {
                continue;
            }
            for (Object constant : type.getEnumConstants()) {
                Class<?> previous = actions.put(((AuditAction) constant).name(), type);
                if (previous != null && previous != type) {
                    throw new IllegalStateException(
                            "Two enums store the action " + constant + ": " + previous + " and " + type);
                }
            }
        }
        if (actions.isEmpty()) {
            throw new IllegalStateException("No AuditAction enum found on the class path");
        }
        return actions;
    }
}
