package pl.koordes.content.web;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import pl.koordes.content.internal.Images;
import pl.koordes.shared.outcome.NotFound;

/**
 * Serves uploaded pictures. A picture never changes under its id (a new upload gets a new one), so
 * browsers and proxies may keep it for a year.
 */
@RestController
class MediaController {

    private final Images images;

    MediaController(Images images) {
        this.images = images;
    }

    @GetMapping("/media/{id}")
    ResponseEntity<byte[]> image(@PathVariable String id) {
        if (!id.matches("\\d{1,18}")) {
            throw new NotFound("image", "");
        }
        Images.Stored image = images.find(Long.parseLong(id)).orElseThrow(() -> new NotFound("image", ""));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("Content-Disposition", "inline")
                .body(image.data());
    }
}
