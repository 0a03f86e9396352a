package pl.koordes.opendata.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import pl.koordes.shared.opendata.PublicDataset;
import pl.koordes.shared.opendata.PublicField;

/** Every collection the modules contribute, by name, checked once at start-up. */
@Component
public class Datasets {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]{1,40}");
    private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private final Map<String, PublicDataset> byName = new LinkedHashMap<>();

    public Datasets(List<PublicDataset> datasets) {
        datasets.stream().sorted(Comparator.comparing(PublicDataset::name)).forEach(dataset -> {
            if (!NAME.matcher(dataset.name()).matches()) {
                throw new IllegalStateException(
                        "A dataset's name is lower-case letters and hyphens: " + dataset.name());
            }
            if (dataset.fields().isEmpty()
                    || dataset.fields().stream()
                            .map(PublicField::name)
                            .anyMatch(f -> !FIELD.matcher(f).matches())) {
                throw new IllegalStateException("Dataset " + dataset.name() + ": field names are snake_case");
            }
            if (byName.put(dataset.name(), dataset) != null) {
                throw new IllegalStateException("Two datasets are called " + dataset.name());
            }
        });
    }

    /** All of them, by name. */
    public List<PublicDataset> all() {
        return List.copyOf(byName.values());
    }

    public Optional<PublicDataset> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
