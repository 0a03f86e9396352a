package pl.koordes.events;

import java.util.List;

/** One page of a public list of events. */
public record EventList(List<Event> events, int page, int pages, long total) {
}
