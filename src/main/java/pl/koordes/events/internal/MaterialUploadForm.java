package pl.koordes.events.internal;

import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * The fields of the material upload beside the file: its title and who may download it. Whether the title
 * is there and the file acceptable is the module's to say ({@link MaterialFiles#upload}), with the file.
 */
public record MaterialUploadForm(
        @Text(max = 300) @Nullable String title, @Nullable String participantsOnly) {

    public String titleText() {
        return title == null ? "" : title;
    }

    public boolean forParticipants() {
        // A checkbox: ticked sends "true", anything else (or nothing) is not ticked, never an error.
        return "true".equals(participantsOnly);
    }
}
