package pl.koordes.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.internal.CommitteeFunction;
import pl.koordes.directory.internal.FunctionForm;
import pl.koordes.directory.internal.Sector;
import pl.koordes.shared.mail.MailKind;

/** Both languages are complete, Polish plurals and formats are right, and every key used exists. */
class MessagesTests {

    private static final Locale PL = Language.PL.locale();
    private static final Locale EN = Language.EN.locale();

    private final Messages messages = new Messages(messageSource());

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        assertThat(MessageSourceConfiguration.basenames()).contains("i18n/shared", "i18n/directory");
        for (String basename : MessageSourceConfiguration.basenames()) {
            Set<String> polish = keys(basename + ".properties");
            Set<String> english = keys(basename + "_en.properties");
            assertThat(new TreeSet<>(polish))
                    .as("keys of " + basename + " missing in English")
                    .containsAll(english);
            assertThat(new TreeSet<>(english))
                    .as("keys of " + basename + " missing in Polish")
                    .containsAll(polish);
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String basename : MessageSourceConfiguration.basenames()) {
            for (String key : keys(basename + ".properties")) {
                assertThat(seen.add(key))
                        .as(key + " defined again in " + basename)
                        .isTrue();
            }
        }
    }

    @Test
    void everyMessageIsAValidPatternInBothLanguages() throws IOException {
        for (String key : allKeys()) {
            // Formatting with sample numbers compiles the ICU pattern and fails on a broken one.
            assertThat(messages.get(PL, key, 1, 2, 3)).as(key).isNotBlank();
            assertThat(messages.get(EN, key, 1, 2, 3)).as(key).isNotBlank();
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> known = allKeys();
        Pattern literalKey = Pattern.compile("\\bt\\(\"([a-zA-Z0-9.]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files =
                Stream.concat(Files.walk(Path.of("src/main/jte")), Files.walk(Path.of("src/main/java")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = literalKey.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        for (String key : used) {
            if (key.endsWith(".")) {
                // A prefix completed at run time (an enum name, a status): some key must continue it.
                assertThat(known).as("keys starting with " + key).anyMatch(k -> k.startsWith(key));
            } else {
                assertThat(known).as("message key used but not defined").contains(key);
            }
        }
    }

    /**
     * The interface speaks to everyone alike: no first- or second-person past tense that takes a
     * gender ("Zapisałem", "zakładałeś"), which Polish marks in the verb. Write around it ("Kody
     * zapisane", "Jeśli konto zostało założone bez Twojej wiedzy").
     */
    @Test
    void polishTextsUseNoGenderedFirstOrSecondPerson() throws IOException {
        Pattern gendered = Pattern.compile(
                "\\b\\p{L}+(łem|łam|łeś|łaś|łbym|łabym|łbyś|łabyś)\\b", Pattern.UNICODE_CHARACTER_CLASS);
        // Nouns in the instrumental that end the same way ("hasłem") are not verb forms.
        Set<String> allowed = Set.of(
                "hasłem", "artykułem", "podziałem", "działem", "udziałem", "rozdziałem", "przydziałem", "skałam");
        Set<String> found = new TreeSet<>();
        for (String basename : MessageSourceConfiguration.basenames()) {
            Properties polish = properties(basename + ".properties");
            for (String key : polish.stringPropertyNames()) {
                Matcher m = gendered.matcher(polish.getProperty(key));
                while (m.find()) {
                    if (!allowed.contains(m.group().toLowerCase(PL))) {
                        found.add(basename + ": " + key + " → " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("gendered wording in Polish texts").isEmpty();
    }

    /**
     * The error summary names the field of each error ("Imię i nazwisko: to pole jest wymagane."), from
     * the shared label {@code field.<name>}: every field a form shows an error for has one. Search and
     * filter parameters (which never show an error summary) are left out.
     */
    @Test
    void everyFormFieldHasANameForTheErrorSummary() throws IOException {
        Set<String> filters = Set.of("od", "do", "kto", "szukaj", "edit");
        Pattern field = Pattern.compile("\\bfield = \"([a-zA-Z0-9-]+)\"|errors\\.has\\(\"([a-zA-Z0-9-]+)\"\\)");
        Set<String> known = allKeys();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                Matcher m = field.matcher(Files.readString(file));
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!filters.contains(name) && !known.contains("field." + name)) {
                        missing.add(name + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing)
                .as("form fields without a field.<name> label in i18n/shared")
                .isEmpty();
    }

    @Test
    void everyValueShownFromAnEnumHasItsMessage() throws IOException {
        Set<String> keys = allKeys();
        for (var kind : InstitutionKind.values()) {
            assertThat(keys).contains("institution.kind." + kind.name());
        }
        for (var sector : Sector.values()) {
            assertThat(keys).contains("sector." + sector.name());
        }
        for (var function : CommitteeFunction.values()) {
            assertThat(keys).contains("committee.function." + function.name());
            for (var form : FunctionForm.values()) {
                if (form != FunctionForm.UNSPECIFIED) {
                    assertThat(keys).contains("committee.function." + function.name() + "." + form.name());
                }
            }
        }
        // The mailbox names each kind of e-mail in words, not by its template's file name.
        for (var kind : MailKind.values()) {
            assertThat(keys).contains("mail.kind." + kind.name());
        }
        for (int status : new int[] {400, 403, 404, 500}) {
            assertThat(keys).contains("error." + status + ".title", "error." + status + ".text");
        }
    }

    @Test
    void countsTakeThePolishPluralForms() {
        assertThat(messages.get(PL, "regions.lead", 1, 1)).startsWith("1 region w 1 makroregionie.");
        assertThat(messages.get(PL, "committee.memberCount", 1)).startsWith("1 osoba ");
        assertThat(messages.get(PL, "committee.memberCount", 2)).startsWith("2 osoby ");
        assertThat(messages.get(PL, "committee.memberCount", 5)).startsWith("5 osób ");
        assertThat(messages.get(PL, "committee.memberCount", 12)).startsWith("12 osób ");
        assertThat(messages.get(PL, "committee.memberCount", 22)).startsWith("22 osoby ");
        assertThat(messages.get(PL, "home.regions.text", 1, 7)).startsWith("1 region w 7 makroregionach");
        assertThat(messages.get(PL, "home.regions.text", 2, 1)).startsWith("2 regiony w 1 makroregionie");
        assertThat(messages.get(PL, "home.regions.text", 5, 7)).startsWith("5 regionów ");
        assertThat(messages.get(PL, "home.regions.text", 16, 7)).startsWith("16 regionów ");
        assertThat(messages.get(EN, "home.regions.text", 1, 7)).startsWith("1 region in 7 macroregions");
        assertThat(messages.get(EN, "home.regions.text", 16, 1)).startsWith("16 regions in 1 macroregion.");
    }

    /**
     * Texts with whole-number arguments are kept once formatted: asked again, in another order, with the same numbers
     * as another type or in the other language, each still gets its own plural form.
     */
    @Test
    void keptCountsStayRightWhenAskedAgain() {
        for (int round = 0; round < 2; round++) {
            assertThat(messages.get(PL, "committee.memberCount", 22)).startsWith("22 osoby ");
            assertThat(messages.get(PL, "committee.memberCount", 25)).startsWith("25 osób ");
            assertThat(messages.get(PL, "committee.memberCount", 1L)).startsWith("1 osoba ");
            assertThat(messages.get(PL, "home.regions.text", 2, 1)).startsWith("2 regiony w 1 makroregionie");
            assertThat(messages.get(PL, "home.regions.text", 1, 2)).startsWith("1 region w 2 makroregionach");
            assertThat(messages.get(EN, "home.regions.text", 2, 1)).startsWith("2 regions in 1 macroregion.");
        }
    }

    @Test
    void numbersUseThePolishFormat() {
        // CLDR pl: a non-breaking space groups thousands from 10 000 on, and a comma marks decimals.
        assertThat(messages.get(PL, "committee.memberCount", 12345)).startsWith("12\u00a0345 osób");
        assertThat(messages.get(PL, "committee.memberCount", 1234)).startsWith("1234 osoby");
        assertThat(messages.get(EN, "committee.memberCount", 12345)).startsWith("12,345 members");
    }

    @Test
    void datesAreWrittenTheWayPolishReadersExpectInWarsawTime() {
        assertThat(Formats.date(LocalDate.of(2017, 8, 31))).isEqualTo("31.08.2017");
        // 22:30 UTC on 31 March 2024 is already 1 April in Warsaw (summer time, UTC+2).
        assertThat(Formats.dateTime(Instant.parse("2024-03-31T22:30:00Z"))).isEqualTo("01.04.2024 00:30");
        // In winter Warsaw is UTC+1.
        assertThat(Formats.dateTime(Instant.parse("2024-12-31T23:30:00Z"))).isEqualTo("01.01.2025 00:30");
    }

    @Test
    void unknownLanguagesFallBackToPolish() {
        assertThat(Language.fromCode("en")).isEqualTo(Language.EN);
        assertThat(Language.fromCode(" EN ")).isEqualTo(Language.EN);
        assertThat(Language.fromCode("de")).isEqualTo(Language.PL);
        assertThat(Language.fromCode("<script>")).isEqualTo(Language.PL);
        assertThat(Language.fromCode("")).isEqualTo(Language.PL);
        assertThat(Language.fromCode(null)).isEqualTo(Language.PL);
    }

    static ResourceBundleMessageSource messageSource() {
        return MessageSourceConfiguration.create();
    }

    private static Set<String> allKeys() throws IOException {
        Set<String> all = new TreeSet<>();
        for (String basename : MessageSourceConfiguration.basenames()) {
            all.addAll(keys(basename + ".properties"));
        }
        return all;
    }

    private static Set<String> keys(String file) throws IOException {
        return properties(file).stringPropertyNames();
    }

    private static Properties properties(String file) throws IOException {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
