package pl.koordes.knowledge.internal.library;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionName;
import pl.koordes.directory.Region;
import pl.koordes.events.EventReference;
import pl.koordes.events.PublicEvents;
import pl.koordes.knowledge.internal.library.LibraryDemoTexts.Holds;
import pl.koordes.knowledge.internal.library.LibraryDemoTexts.Readers;
import pl.koordes.knowledge.internal.library.LibraryDemoTexts.Spec;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.PublicPostulates;
import pl.koordes.shared.database.DemoData;
import pl.koordes.shared.files.StoredFiles;
import pl.koordes.shared.security.Role;

/**
 * About forty invented library documents across kinds, regions and years ({@link LibraryDemoTexts}): most public,
 * a few internal (for the coordinators, for two regions, for one committee, for staff only), a few linked to demo
 * events, postulates and programmes, each with a small generated PDF or text file, a link, or both; some link to
 * each other. Loaded once; the search backfill indexes them after every loader.
 */
@Component
@Order(150)
@ConditionalOnBooleanProperty("koordes.site.demo")
class LibraryDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LibraryDemoData.class);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PublicEvents events;
    private final PublicPostulates postulates;
    private final StoredFiles files;
    private final DemoData demoData;

    LibraryDemoData(
            JdbcClient jdbc,
            Directory directory,
            PublicEvents events,
            PublicPostulates postulates,
            StoredFiles files,
            DemoData demoData) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
        this.postulates = postulates;
        this.files = files;
        this.demoData = demoData;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.claim("library")) {
            return;
        }
        Map<String, Region> regions = new HashMap<>();
        directory.regions().forEach(r -> regions.put(r.slug(), r));
        Map<Long, Long> authors = new HashMap<>();
        for (InstitutionName institution : directory.institutions()) {
            if (institution.regionId() != null && institution.name().contains("Polityki Społecznej")) {
                authors.putIfAbsent(institution.regionId(), institution.id());
            }
        }
        List<EventReference> demoEvents = events.upcomingNational(5);
        List<PostulateReference> demoPostulates = postulates.latest(5);
        List<Long> ids = new ArrayList<>();
        int n = 0;
        for (Spec spec : LibraryDemoTexts.DOCUMENTS) {
            Region region = spec.region() == null ? null : regions.get(spec.region());
            Long regionId = region == null ? null : region.id();
            Long eventId = "event".equals(spec.origin()) && !demoEvents.isEmpty()
                    ? demoEvents.get(n % demoEvents.size()).id()
                    : null;
            Long postulateId = "postulate".equals(spec.origin()) && !demoPostulates.isEmpty()
                    ? demoPostulates.getFirst().id()
                    : null;
            Long programmeRegion = "programme".equals(spec.origin()) ? regionId : null;
            ids.add(insert(
                    spec,
                    regionId,
                    regionId == null ? null : authors.get(regionId),
                    eventId,
                    postulateId,
                    programmeRegion,
                    regions,
                    n));
            n++;
        }
        // A few "see also" links, so that pages show what links to them.
        link(ids.get(2), ids.get(0));
        link(ids.get(25), ids.get(0));
        link(ids.get(6), ids.get(7));
        link(ids.get(8), ids.get(20));
        link(ids.get(4), ids.get(35));
        link(ids.get(36), ids.get(4));
        log.info("Demo library: {} documents", ids.size());
    }

    private long insert(
            Spec spec,
            @Nullable Long regionId,
            @Nullable Long institutionId,
            @Nullable Long eventId,
            @Nullable Long postulateId,
            @Nullable Long programmeRegion,
            Map<String, Region> regions,
            int n) {
        List<Role> roles = switch (spec.readers()) {
            case COORDINATORS -> List.of(Role.REGIONAL_COORDINATOR);
            case COMMITTEE_MALOPOLSKIE -> List.of(Role.COMMITTEE_MEMBER);
            default -> List.of();
        };
        List<Long> readerRegions = switch (spec.readers()) {
            case SOUTH -> List.of(region(regions, "malopolskie"), region(regions, "slaskie"));
            case COMMITTEE_MALOPOLSKIE -> List.of(region(regions, "malopolskie"));
            default -> List.of();
        };
        boolean publicDocument = spec.readers() == Readers.PUBLIC;
        Set<String> audience = LibraryAudience.of(publicDocument, regionId, roles, readerRegions);
        Long stored = switch (spec.holds()) {
            case PDF, PDF_AND_LINK ->
                files.store(tinyPdf(spec.title()), fileName(spec.title(), "pdf"), "application/pdf");
            case TEXT ->
                files.store(
                        (spec.title() + "\n\n" + spec.description() + "\n").getBytes(StandardCharsets.UTF_8),
                        fileName(spec.title(), "txt"),
                        "text/plain");
            case LINK -> null;
        };
        String url = spec.holds() == Holds.LINK || spec.holds() == Holds.PDF_AND_LINK
                ? "https://example.org/biblioteka-koordes/" + (n + 1)
                : null;
        return jdbc.sql("""
                        insert into library_document (kind, title, description, tags, region_id, year, institution_id,
                            external_url, stored_file_id, event_id, postulate_id, programme_region_id, public_document,
                            reader_roles, reader_regions, audience, created_at, updated_at)
                        values (:kind, :title, :description, cast(:tags as text[]), :region, :year, :institution, :url,
                            :stored, :event, :postulate, :programme, :public, cast(:roles as text[]),
                            cast(:regions as bigint[]), cast(:audience as text[]),
                            now() - make_interval(days => :age), now() - make_interval(days => :age))
                        returning id
                        """)
                .param("kind", spec.kind().name())
                .param("title", spec.title())
                .param("description", spec.description())
                .param("tags", spec.tags().toArray(String[]::new))
                .param("region", regionId)
                .param("year", spec.year())
                .param("institution", institutionId)
                .param("url", url)
                .param("stored", stored)
                .param("event", eventId)
                .param("postulate", postulateId)
                .param("programme", programmeRegion)
                .param("public", publicDocument)
                .param("roles", roles.stream().map(Enum::name).toArray(String[]::new))
                .param("regions", readerRegions.toArray(Long[]::new))
                .param("audience", audience.toArray(String[]::new))
                .param("age", 400 - n * 9)
                .query(Long.class)
                .single();
    }

    private static long region(Map<String, Region> regions, String slug) {
        return Objects.requireNonNull(regions.get(slug), slug).id();
    }

    private void link(long from, long to) {
        jdbc.sql("insert into library_document_link (document_id, target_id) values (:d, :t)")
                .param("d", from)
                .param("t", to)
                .update();
    }

    /** A file name from the title: its first words without Polish letters. */
    static String fileName(String title, String extension) {
        String ascii = ascii(title).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String base = ascii.length() > 50 ? ascii.substring(0, 50) : ascii;
        return base.replaceAll("^-+|-+$", "") + "." + extension;
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text.replace('ł', 'l').replace('Ł', 'L'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[^\\x20-\\x7e]", "-");
    }

    /** A one-page PDF that says the title (without Polish letters: the standard fonts lack them). */
    static byte[] tinyPdf(String title) {
        String text = ascii(title).replace("\\", "").replace("(", "").replace(")", "");
        if (text.length() > 80) {
            text = text.substring(0, 80);
        }
        String stream = "BT /F1 12 Tf 40 800 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
