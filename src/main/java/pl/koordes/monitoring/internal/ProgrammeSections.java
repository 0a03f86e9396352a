package pl.koordes.monitoring.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Region;
import pl.koordes.directory.RegionPageSection;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.monitoring.internal.ProgrammeViews.Version;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.database.AfterTransaction;
import pl.koordes.shared.i18n.Messages;

/**
 * The region page's "Regional programme" section: the current version's name, period, update date and a
 * link. The current versions of all regions are read in one statement and kept until monitoring changes
 * on this node (once the change has ended), and read again in the background every minute (for a change made
 * on another node), so a region page reads nothing for it.
 */
@Component
class ProgrammeSections implements RegionPageSection {

    private final ProgrammeStore store;
    private final TemplateEngine templates;
    private final Messages messages;
    private @Nullable Map<Long, Version> current;
    /** Counts changes, so that a read that started before a change never stores what it read. */
    private long generation;

    private final ClusterChanges changes;

    ProgrammeSections(ProgrammeStore store, TemplateEngine templates, Messages messages, ClusterChanges changes) {
        this.changes = changes;
        changes.onChange(MonitoringChanged.CLUSTER_KIND, this::evict);
        this.store = store;
        this.templates = templates;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Content> render(Region region, Locale locale) {
        Version version = current().get(region.id());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("messages", messages);
        parameters.put("locale", locale);
        parameters.put("region", region);
        parameters.put("version", version);
        return Optional.of(output -> templates.render("monitoring/programmes/section.jte", parameters, output));
    }

    private Map<Long, Version> current() {
        long seen;
        synchronized (this) {
            if (current != null) {
                return current;
            }
            seen = generation;
        }
        Map<Long, Version> fresh = Map.copyOf(store.currentVersions());
        synchronized (this) {
            if (generation == seen) {
                current = fresh;
            }
        }
        return fresh;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refresh() {
        long seen;
        synchronized (this) {
            seen = generation;
        }
        Map<Long, Version> fresh = Map.copyOf(store.currentVersions());
        synchronized (this) {
            if (generation == seen) {
                current = fresh;
            }
        }
    }

    @EventListener
    void monitoringChanged(MonitoringChanged change) {
        // Every node hears of it once committed (this class announces monitoring changes for the module).
        changes.changed(MonitoringChanged.CLUSTER_KIND);
        AfterTransaction.run(this::evict);
    }

    private synchronized void evict() {
        generation++;
        current = null;
    }
}
