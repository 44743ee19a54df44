package cn.zhicheng.spotcheck.finding.mapping;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.spotcheck.Finding;
import cn.zhicheng.core.spotcheck.SampleOutcome;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.storage.PresignedRequest;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.spotcheck.finding.service.InspectionService;
import cn.zhicheng.spotcheck.finding.service.Samples;
import cn.zhicheng.spotcheck.mapping.SampleViews;
import cn.zhicheng.spotcheck.mapping.SpotCheckView.FindingView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Views of an inspector's assignments (docs/spotcheck.md); findings and samples come from {@link SampleViews}. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FindingViews {

    /** A pending attachment and where to PUT its bytes. */
    public record AttachmentUpload(UUID id, PresignedRequest upload) {
    }

    /** One line of an inspector's work list. */
    public record AssignmentView(UUID drawId, UUID applicationId, String applicantName, String seriesName,
            String committeeName, Instant drawnAt, SampleOutcome outcome, long recorded, int total) {
    }

    /** An evidence item as its inspector sees it, with their own finding on it. */
    public record EvidenceView(UUID id, String title, String kind, String fileName, URI downloadUrl,
            FindingView finding) {
    }

    /** The application an inspector checks. */
    public record AssignmentDetail(UUID drawId, UUID applicationId, String applicantName, String unitName,
            String seriesName, String specialty, SampleOutcome outcome, List<EvidenceView> evidence) {
    }

    private final InspectionService inspections;
    private final SampleViews samples;

    public FindingViews(InspectionService inspections, SampleViews samples) {
        this.inspections = inspections;
        this.samples = samples;
    }

    public AssignmentView assignment(InspectionService.Assignment assignment) {
        SpotCheck draw = assignment.draw();
        Application application = Application.findById(assignment.sample().applicationId);
        Series series = Series.findById(draw.seriesId);
        Committee committee = Committee.findById(draw.committeeId);
        long recorded = Finding.count("drawId = ?1 and applicationId = ?2 and expertId = ?3", draw.id,
                application.id, assignment.expert().id);
        return new AssignmentView(draw.id, application.id, SampleViews.applicantName(application), series.nameZh,
                committee.name, draw.drawnAt, assignment.sample().outcome, recorded,
                Samples.evidenceOf(application.id).size());
    }

    public AssignmentDetail detail(InspectionService.Assignment assignment) {
        SpotCheck draw = assignment.draw();
        Application application = Application.findById(assignment.sample().applicationId);
        Unit unit = Unit.findById(application.unitId);
        Series series = Series.findById(draw.seriesId);
        List<EvidenceItem> items = Samples.evidenceOf(application.id);
        List<Finding> findings = Finding.list("drawId = ?1 and applicationId = ?2 and expertId = ?3", draw.id,
                application.id, assignment.expert().id);
        Map<UUID, FindingView> own = samples.findings(findings, items, assignment.expert());
        List<EvidenceView> evidence = items.stream()
                .map(item -> new EvidenceView(item.id, item.title, item.kind.name(), item.fileName,
                        inspections.download(item).url(), own.get(item.id)))
                .toList();
        return new AssignmentDetail(draw.id, application.id, SampleViews.applicantName(application),
                unit == null ? null : unit.name, series.nameZh, application.specialty, assignment.sample().outcome,
                evidence);
    }
}
