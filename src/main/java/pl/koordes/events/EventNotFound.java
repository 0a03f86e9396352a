package pl.koordes.events;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No event (or registration) with that id: answered as 404. */
public class EventNotFound extends ResponseStatusException {

    public EventNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "No event " + id);
    }
}
