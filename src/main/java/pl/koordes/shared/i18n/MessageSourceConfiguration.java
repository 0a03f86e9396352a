package pl.koordes.shared.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each module keeps its words in its own bundle, {@code i18n/<module>.properties} (Polish) beside
 * {@code i18n/<module>_en.properties} (English); every bundle found there is loaded, so a new module
 * adds its file and nothing else.
 */
@Configuration(proxyBeanMethods = false)
public class MessageSourceConfiguration {

    /** Where the bundles live on the class path. */
    public static final String LOCATION = "i18n/";

    @Bean
    MessageSource messageSource() {
        return create();
    }

    /** The message source of all bundles, also for tests that need no application context. */
    public static ResourceBundleMessageSource create() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** The base names of the Polish bundles, e.g. {@code i18n/directory}. */
    public static String[] basenames() {
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "*.properties");
            return Arrays.stream(resources)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .filter(name -> !name.contains("_"))
                    .map(name -> LOCATION + name.substring(0, name.length() - ".properties".length()))
                    .distinct()
                    .sorted()
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("Message bundles could not be listed", e);
        }
    }
}
