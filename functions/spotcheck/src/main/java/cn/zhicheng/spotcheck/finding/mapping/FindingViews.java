package cn.zhicheng.spotcheck.finding.mapping;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.integrity.IntegrityRecord;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.spotcheck.Addressee;
import cn.zhicheng.core.spotcheck.Finding;
import cn.zhicheng.core.spotcheck.FindingAttachment;
import cn.zhicheng.core.spotcheck.FindingResult;
import cn.zhicheng.core.spotcheck.Inspector;
import cn.zhicheng.core.spotcheck.ResponseRequest;
import cn.zhicheng.core.spotcheck.SampleOutcome;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.storage.PresignedRequest;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.spotcheck.finding.service.InspectionService;
import cn.zhicheng.spotcheck.finding.service.Samples;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Views of findings, questions and sampled applications (docs/spotcheck.md); names, never ID numbers. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FindingViews {

    /** A file attached to a finding. */
    public record AttachmentView(UUID id, String fileName) {
    }

    /** One inspector's finding on one evidence item. */
    public record FindingView(UUID evidenceItemId, String evidenceTitle, UUID expertId, String expertName,
            FindingResult result, String note, Instant recordedAt, List<AttachmentView> attachments) {
    }

    /** A pending attachment and where to PUT its bytes. */
    public record AttachmentUpload(UUID id, PresignedRequest upload) {
    }

    /** A question about a sampled application and its answer. */
    public record RequestView(UUID id, UUID drawId, UUID applicationId, String applicantName, Addressee addressee,
            String question, int workingDays, LocalDate dueOn, String answer, Instant answeredAt, long version) {
    }

    /** An inspector drawn for a sample, with how many findings they recorded. */
    public record InspectorView(UUID expertId, String name, int drawRank, int findings) {
    }

    /** A sampled application with its inspectors, findings, questions and conclusion. */
    public record SampleView(UUID applicationId, int drawRank, String applicantName, String unitName,
            String specialty, TitleLevel level, String applicationState, List<InspectorView> inspectors,
            List<FindingView> findings, List<RequestView> requests, SampleOutcome outcome, String outcomeNote,
            Instant concludedAt, long version, List<UUID> integrityRecordIds) {
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

    public FindingViews(InspectionService inspections) {
        this.inspections = inspections;
    }

    public FindingView finding(Finding finding) {
        EvidenceItem item = EvidenceItem.findById(finding.evidenceItemId);
        Expert expert = Expert.findById(finding.expertId);
        return finding(finding, item, expert);
    }

    public AttachmentView attachment(FindingAttachment attachment) {
        return new AttachmentView(attachment.id, attachment.fileName);
    }

    public RequestView request(ResponseRequest request) {
        Application application = Application.findById(request.applicationId);
        return request(request, applicantName(application));
    }

    public List<RequestView> requests(List<ResponseRequest> requests) {
        return requests.stream().map(this::request).toList();
    }

    public SampleView sample(SampledApplication sample) {
        Application application = Application.findById(sample.applicationId);
        Unit unit = Unit.findById(application.unitId);
        String applicant = applicantName(application);
        List<EvidenceItem> items = Samples.evidenceOf(application.id);
        Map<UUID, EvidenceItem> itemsById = byId(items, i -> i.id);
        List<Inspector> inspectors = Inspector.list("drawId = ?1 and applicationId = ?2 order by drawRank",
                sample.drawId, sample.applicationId);
        Map<UUID, Expert> experts = inspectors.isEmpty() ? Map.of()
                : byId(Expert.list("id in ?1", inspectors.stream().map(i -> i.expertId).toList()), e -> e.id);
        List<Finding> findings = Finding.listBySample(sample.drawId, sample.applicationId);
        List<FindingView> findingViews = findings.stream()
                .map(f -> finding(f, itemsById.get(f.evidenceItemId), experts.get(f.expertId))).toList();
        List<InspectorView> inspectorViews = inspectors.stream()
                .map(i -> new InspectorView(i.expertId, experts.get(i.expertId).name, i.drawRank,
                        (int) findings.stream().filter(f -> f.expertId.equals(i.expertId)).count()))
                .toList();
        List<RequestView> requests = ResponseRequest.listBySample(sample.drawId, sample.applicationId).stream()
                .map(r -> request(r, applicant)).toList();
        List<UUID> records = IntegrityRecord.<IntegrityRecord>list(
                "spotCheckDrawId = ?1 and applicationId = ?2 order by createdAt", sample.drawId, sample.applicationId)
                .stream().map(r -> r.id).toList();
        return new SampleView(application.id, sample.drawRank, applicant, unit == null ? null : unit.name,
                application.specialty, application.level, application.state().name(), inspectorViews, findingViews,
                requests, sample.outcome, sample.outcomeNote, sample.concludedAt, sample.version, records);
    }

    public AssignmentView assignment(InspectionService.Assignment assignment) {
        SpotCheck draw = assignment.draw();
        Application application = Application.findById(assignment.sample().applicationId);
        Series series = Series.findById(draw.seriesId);
        Committee committee = Committee.findById(draw.committeeId);
        long recorded = Finding.count("drawId = ?1 and applicationId = ?2 and expertId = ?3", draw.id,
                application.id, assignment.expert().id);
        return new AssignmentView(draw.id, application.id, applicantName(application), series.nameZh,
                committee.name, draw.drawnAt, assignment.sample().outcome, recorded,
                Samples.evidenceOf(application.id).size());
    }

    public AssignmentDetail detail(InspectionService.Assignment assignment) {
        SpotCheck draw = assignment.draw();
        Application application = Application.findById(assignment.sample().applicationId);
        Unit unit = Unit.findById(application.unitId);
        Series series = Series.findById(draw.seriesId);
        Map<UUID, Finding> own = byId(Finding.list("drawId = ?1 and applicationId = ?2 and expertId = ?3", draw.id,
                application.id, assignment.expert().id), f -> f.evidenceItemId);
        List<EvidenceView> evidence = Samples.evidenceOf(application.id).stream()
                .map(item -> new EvidenceView(item.id, item.title, item.kind.name(), item.fileName,
                        inspections.download(item).url(),
                        own.containsKey(item.id) ? finding(own.get(item.id), item, assignment.expert()) : null))
                .toList();
        return new AssignmentDetail(draw.id, application.id, applicantName(application),
                unit == null ? null : unit.name, series.nameZh, application.specialty, assignment.sample().outcome,
                evidence);
    }

    private static FindingView finding(Finding finding, EvidenceItem item, Expert expert) {
        List<AttachmentView> attachments = FindingAttachment.listByFinding(finding.id).stream()
                .filter(a -> "UPLOADED".equals(a.status))
                .map(a -> new AttachmentView(a.id, a.fileName)).toList();
        return new FindingView(finding.evidenceItemId, item == null ? null : item.title, finding.expertId,
                expert == null ? null : expert.name, finding.result, finding.note, finding.recordedAt, attachments);
    }

    private static RequestView request(ResponseRequest r, String applicantName) {
        return new RequestView(r.id, r.drawId, r.applicationId, applicantName, r.addressee, r.question,
                r.workingDays, r.dueOn, r.answer, r.answeredAt, r.version);
    }

    private static String applicantName(Application application) {
        Person person = Person.findById(application.applicantId);
        return person == null ? null : person.name;
    }

    private static <T> Map<UUID, T> byId(List<T> entities, Function<T, UUID> id) {
        return entities.stream().collect(Collectors.toMap(id, e -> e, (a, b) -> a));
    }
}
