package pl.koordes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/** The modules of ARCHITECTURE.md exist and respect each other's boundaries (documented: ModuleDocumentationTests). */
class ModularityTests {

    /** Read once per test run: ModuleDocumentationTests documents the same model. */
    static final ApplicationModules MODULES = ApplicationModules.of(KoordesApplication.class);

    @Test
    void everyModuleOfTheArchitectureExists() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains(
                        "shared",
                        "accounts",
                        "directory",
                        "content",
                        "comments",
                        "events",
                        "advisory",
                        "surveys",
                        "monitoring",
                        "postulates",
                        "knowledge",
                        "notifications",
                        "reports");
    }

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void aModuleReachingIntoAnotherModulesInternalsIsRefused() {
        // example.violation.beta uses a type from alpha's internal package: verification must fail on it.
        // The fixture lives in test sources, which Modulith skips by default: import everything.
        ApplicationModules broken = ApplicationModules.of("example.violation", location -> true);
        assertThatExceptionOfType(Violations.class)
                .isThrownBy(broken::verify)
                .withMessageContaining("alpha")
                .withMessageContaining("internal");
    }
}
