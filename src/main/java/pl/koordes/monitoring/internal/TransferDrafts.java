package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;

/**
 * Writes an import's values: every changed value becomes a DRAFT of the region, in one transaction, each
 * audited as {@code MONITORING_VALUE_SAVED} with its values before and after, and the import itself as
 * {@code MONITORING_VALUES_IMPORTED} with its counts and the file's name. A value that was submitted or
 * approved meanwhile (or changed by someone else since the file was checked) is not overwritten: the
 * whole import is refused and nothing is saved. The values are written under the same rule as the form's
 * ({@link ReportingValueRows}).
 */
@Component
public class TransferDrafts {

    private final ReportingValueRows rows;
    private final ApplicationEventPublisher events;

    TransferDrafts(ReportingValueRows rows, ApplicationEventPublisher events) {
        this.rows = rows;
        this.events = events;
    }

    /**
     * Saves the checked values as drafts, all or none.
     *
     * @throws Refused (a conflict) when one of them is no longer the region's to change
     */
    @Transactional
    public void save(
            CurrentUser user,
            long regionId,
            long periodId,
            String fileName,
            List<TransferImport.Draft> drafts,
            TransferImport.Counts counts) {
        for (TransferImport.Draft draft : drafts) {
            TransferStore.Line line = draft.line();
            ReportingValues.ValueInput input = new ReportingValues.ValueInput(
                    draft.value(), draft.notAvailable(), draft.expectedDate(), draft.comment(), draft.source(), null);
            Long existing = line.valueId();
            Long id;
            if (existing == null) {
                id = rows.insertDraft(line.indicatorId(), periodId, regionId, input, null, user.id())
                        .orElse(null);
            } else {
                boolean written = rows.rewriteDraft(existing, line.rowVersion(), input, false, null, user.id());
                id = written ? existing : null;
            }
            if (id == null) {
                throw Refused.conflict("monitoring.transfer.changedMeanwhile");
            }
            events.publishEvent(new MonitoringChanged(
                    MonitoringAction.MONITORING_VALUE_SAVED,
                    "value",
                    Long.toString(id),
                    regionId,
                    line.valueId() == null
                            ? null
                            : values(
                                    line.code(),
                                    line.status(),
                                    line.value(),
                                    line.notAvailable(),
                                    line.expectedDate(),
                                    line.source()),
                    values(
                            line.code(),
                            ValueStatus.DRAFT,
                            draft.value(),
                            draft.notAvailable(),
                            draft.expectedDate(),
                            draft.source())));
        }
        Map<String, @Nullable Object> imported = new LinkedHashMap<>();
        imported.put("fileName", fileName);
        imported.put("importPeriod", periodId);
        imported.put("importRows", counts.rows());
        imported.put("importSaved", drafts.size());
        imported.put("importUnchanged", counts.unchanged());
        imported.put("importSkipped", counts.skipped());
        events.publishEvent(new MonitoringChanged(
                MonitoringAction.MONITORING_VALUES_IMPORTED,
                "period",
                Long.toString(periodId),
                regionId,
                null,
                imported));
    }

    /** Records that the template of a region's period was downloaded (what it listed, not who filled it). */
    @Transactional
    public void templateDownloaded(long regionId, long periodId, int indicators) {
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("importPeriod", periodId);
        after.put("importRows", indicators);
        events.publishEvent(new MonitoringChanged(
                MonitoringAction.MONITORING_TEMPLATE_DOWNLOADED,
                "period",
                Long.toString(periodId),
                regionId,
                null,
                after));
    }

    private static Map<String, @Nullable Object> values(
            String code,
            @Nullable ValueStatus status,
            @Nullable BigDecimal value,
            boolean notAvailable,
            @Nullable LocalDate expected,
            @Nullable String source) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("code", code);
        map.put("status", status == null ? null : status.name());
        map.put("value", value == null ? null : value.toPlainString());
        map.put("notAvailable", notAvailable);
        map.put("expectedDate", expected == null ? null : expected.toString());
        map.put("source", source);
        return map;
    }
}
