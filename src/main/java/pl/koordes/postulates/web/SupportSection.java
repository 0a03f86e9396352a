package pl.koordes.postulates.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import pl.koordes.directory.MapShape;
import pl.koordes.directory.PolandMap;
import pl.koordes.directory.Region;
import pl.koordes.postulates.PostulatePageSection;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.postulates.internal.Postulate;
import pl.koordes.postulates.internal.PostulatePermissions;
import pl.koordes.postulates.internal.PostulateStore;
import pl.koordes.postulates.internal.SupportManagement;
import pl.koordes.shared.charts.ChartLanguage;
import pl.koordes.shared.charts.Choropleth;
import pl.koordes.shared.charts.ChoroplethView;
import pl.koordes.shared.charts.ClassBreaks;
import pl.koordes.shared.charts.MapArea;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.CurrentUsers;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;

/**
 * "Poparcie województw" on a submitted postulate's page: the map of the regions that co-signed it (the
 * postulate's own region marked apart) with the table of regions and dates beside it, how many signed, until
 * when signatures are collected, how many people endorse it (not who), and the buttons the person may use.
 * Reads the signatures, one count and the regions: the same few statements whatever the data.
 */
@Component
class SupportSection implements PostulatePageSection {

    /** Flash attributes of the support actions (a message after the redirect back to the page). */
    static final String NOTICE = "postulatesSupportNotice";

    static final String PROBLEM = "postulatesSupportProblem";

    /** The map's values: the kind of each area, drawn in two colours; no value for regions that did not sign. */
    private static final BigDecimal SIGNED = BigDecimal.ONE;

    private static final BigDecimal OWN = BigDecimal.TWO;

    private final SupportManagement support;
    private final PostulateStore store;
    private final PostulatePermissions permissions;
    private final PolandMap map;
    private final PageFactory pages;
    private final TemplateEngine templates;
    private final Clock clock;

    SupportSection(
            SupportManagement support,
            PostulateStore store,
            PostulatePermissions permissions,
            PolandMap map,
            PageFactory pages,
            TemplateEngine templates,
            Clock clock) {
        this.support = support;
        this.store = store;
        this.permissions = permissions;
        this.map = map;
        this.pages = pages;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Content> render(PostulateReference reference, HttpServletRequest request) {
        if (reference.status() == PostulateStatus.DRAFT) {
            return Optional.empty();
        }
        Postulate postulate = store.find(reference.id()).orElse(null);
        if (postulate == null) {
            return Optional.empty();
        }
        Page page = pages.of(request);
        // Loads the CSRF token while the response can still take headers (the section is written late).
        page.csrfToken();
        @Nullable CurrentUser user = CurrentUsers.current().orElse(null);
        Instant now = clock.instant();
        boolean open = permissions.signingOpen(postulate.status(), postulate.signingClosesAt(), now);
        List<SupportManagement.Signature> signatures = support.signatures(postulate.id());
        List<MapShape> shapes = map.shapes();
        Map<Long, Instant> signedAt = new LinkedHashMap<>();
        signatures.forEach(s -> signedAt.put(s.regionId(), s.signedAt()));
        List<Long> mine = permissions.cosigningRegions(user, postulate.regionId());
        List<SupportManagement.CosigningRegion> cosigning = new ArrayList<>();
        for (MapShape shape : shapes) {
            if (mine.contains(shape.region().id())) {
                cosigning.add(new SupportManagement.CosigningRegion(
                        shape.region().id(),
                        shape.region().name(page.locale()),
                        signedAt.containsKey(shape.region().id())));
            }
        }
        SupportManagement.Mine state = support.mine(postulate.id(), user == null ? null : user.id());
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);

        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("postulateId", postulate.id());
        model.put("map", map(page, postulate, shapes, map.viewBox(), signedAt));
        model.put("signedCount", signatures.size());
        model.put("open", open);
        model.put("closesAt", postulate.signingClosesAt() == null ? "" : Formats.date(postulate.signingClosesAt()));
        model.put("endorsements", state.endorsements());
        model.put("endorsed", state.endorsed());
        model.put("following", state.following());
        model.put("signedIn", user != null);
        model.put("cosigning", cosigning);
        model.put("canEndorse", permissions.canEndorse(user));
        model.put("notice", flash == null ? "" : text(flash.get(NOTICE)));
        model.put("problem", flash == null ? "" : text(flash.get(PROBLEM)));
        return Optional.of(output -> templates.render("postulates/support/section.jte", model, output));
    }

    /**
     * The map drawn by the shared choropleth: the postulate's own region and the signing regions in two colours,
     * the others hatched; each area's text (in the table beside the map) says which it is and when it signed,
     * and the legend names the three kinds, so colour is not the only signal.
     */
    private static ChoroplethView map(
            Page page, Postulate postulate, List<MapShape> shapes, String viewBox, Map<Long, Instant> signedAt) {
        List<MapArea> areas = new ArrayList<>();
        for (MapShape shape : shapes) {
            Region region = shape.region();
            areas.add(new MapArea(
                    region.slug(), region.name(page.locale()), shape.path(), shape.labelX(), shape.labelY()));
        }
        Choropleth chart = Choropleth.of("poparcie", page.t("postulates.support.mapTitle"), areas, viewBox)
                .classes(ClassBreaks.Method.EQUAL_INTERVAL, ClassBreaks.MIN_CLASSES)
                .counted("postulates.support.mapCount");
        Map<String, String> kinds = new HashMap<>();
        for (MapShape shape : shapes) {
            Region region = shape.region();
            Instant signed = signedAt.get(region.id());
            if (region.id() == postulate.regionId()) {
                chart.value(region.slug(), OWN);
                kinds.put(region.name(page.locale()), "own");
            } else if (signed != null) {
                chart.value(region.slug(), SIGNED);
                kinds.put(region.name(page.locale()), page.t("postulates.support.signedOn", Formats.date(signed)));
            }
        }
        ChoroplethView drawn = chart.view(ChartLanguage.of(page));
        String own = page.t("postulates.support.own");
        String notSigned = page.t("postulates.support.notSigned");
        String signedLabel = page.t("postulates.support.legendSigned");
        List<ChoroplethView.Area> relabelled = new ArrayList<>();
        String ownFill = drawn.noDataFill();
        @Nullable String signedFill = null;
        int owns = 0;
        int signed = 0;
        for (ChoroplethView.Area area : drawn.areas()) {
            String kind = kinds.get(area.name());
            if ("own".equals(kind)) {
                ownFill = area.fill();
                owns++;
                relabelled.add(relabel(area, "★", own, true));
            } else if (kind != null) {
                signedFill = area.fill();
                signed++;
                relabelled.add(relabel(area, "✓", kind, true));
            } else {
                relabelled.add(relabel(area, "", notSigned, false));
            }
        }
        List<ChoroplethView.LegendItem> legend = new ArrayList<>();
        legend.add(new ChoroplethView.LegendItem("★ " + own, ownFill, page.t("postulates.support.mapCount", owns)));
        if (signedFill != null) {
            legend.add(new ChoroplethView.LegendItem(
                    "✓ " + signedLabel, signedFill, page.t("postulates.support.mapCount", signed)));
        }
        int others = drawn.areas().size() - owns - signed;
        if (others > 0) {
            legend.add(new ChoroplethView.LegendItem(
                    notSigned, drawn.noDataFill(), page.t("postulates.support.mapCount", others)));
        }
        return new ChoroplethView(
                drawn.id(),
                drawn.title(),
                drawn.viewBox(),
                drawn.empty(),
                drawn.linked(),
                relabelled,
                legend,
                page.t("charts.legend"),
                page.t("postulates.support.signed", signed),
                drawn.emptyText(),
                drawn.areaHeader(),
                page.t("postulates.support.mapValue"),
                drawn.tableCaption(),
                drawn.noDataFill());
    }

    private static String text(@Nullable Object value) {
        return value instanceof String key ? key : "";
    }

    private static ChoroplethView.Area relabel(ChoroplethView.Area area, String label, String text, boolean value) {
        return new ChoroplethView.Area(
                area.name(), area.path(), area.fill(), label, area.labelX(), area.labelY(), area.href(), text, value);
    }
}
