package cn.zhicheng.spotcheck.mapping;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.integrity.IntegrityRecord;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.spotcheck.Finding;
import cn.zhicheng.core.spotcheck.FindingAttachment;
import cn.zhicheng.core.spotcheck.Inspector;
import cn.zhicheng.core.spotcheck.ResponseRequest;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.spotcheck.mapping.SpotCheckView.AttachmentView;
import cn.zhicheng.spotcheck.mapping.SpotCheckView.FindingView;
import cn.zhicheng.spotcheck.mapping.SpotCheckView.InspectorView;
import cn.zhicheng.spotcheck.mapping.SpotCheckView.RequestView;
import cn.zhicheng.spotcheck.mapping.SpotCheckView.SampleView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the sampled applications' views (docs/spotcheck.md, SampleView), their findings and questions. A draw can
 * have 15,000 samples, so each kind is read with one query for all the samples asked for, never one per sample; a
 * single sample is the same code with the queries narrowed to it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SampleViews {

    /** A pending upload is not an attachment yet: only confirmed files are shown. */
    private static final String UPLOADED = "UPLOADED";

    /** Every sample of the draw, in draw order. */
    public List<SampleView> samples(SpotCheck draw) {
        return build(draw.id, null, SampledApplication.listByDraw(draw.id));
    }

    /** One sample, as it stands after a step on it (a conclusion, a fraud confirmation). */
    public SampleView sample(SampledApplication sample) {
        return build(sample.drawId, sample.applicationId, List.of(sample)).get(0);
    }

    /** One finding, as its inspector gets it back. */
    public FindingView finding(Finding finding) {
        EvidenceItem item = EvidenceItem.findById(finding.evidenceItemId);
        Expert expert = Expert.findById(finding.expertId);
        return findings(List.of(finding), item == null ? Map.of() : Collections.singletonMap(item.id, item.title),
                expert == null ? Map.of() : Collections.singletonMap(expert.id, expert.name)).get(0);
    }

    /** One inspector's findings on the given evidence items, by evidence item. */
    public Map<UUID, FindingView> findings(List<Finding> findings, List<EvidenceItem> items, Expert expert) {
        return byId(findings(findings, names(items, i -> i.id, i -> i.title),
                Collections.singletonMap(expert.id, expert.name)), FindingView::evidenceItemId);
    }

    public static AttachmentView attachment(FindingAttachment attachment) {
        return new AttachmentView(attachment.id, attachment.fileName);
    }

    public RequestView request(ResponseRequest request) {
        return requests(List.of(request)).get(0);
    }

    /** Questions, with their applicants' names read for all of them at once. */
    public List<RequestView> requests(List<ResponseRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<UUID, Application> applications = byId(Application.<Application>list("id in ?1",
                requests.stream().map(r -> r.applicationId).distinct().toList()), a -> a.id);
        Map<UUID, String> people = names(Person.<Person>list("id in ?1", applications.values().stream()
                .map(a -> a.applicantId).distinct().toList()), p -> p.id, p -> p.name);
        Map<UUID, Deadline> due = deadlines(requests);
        return requests.stream().map(r -> request(r, people.get(applications.get(r.applicationId).applicantId),
                due)).toList();
    }

    /** The applicant's name, or null for an application whose person is not known. */
    public static String applicantName(Application application) {
        Person person = Person.findById(application.applicantId);
        return person == null ? null : person.name;
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }

    /**
     * The views of the given samples of a draw: all of them ({@code applicationId} null) or the one sample of that
     * application. Every query reads the draw's rows, narrowed to the application when there is one.
     */
    private static List<SampleView> build(UUID drawId, UUID applicationId, List<SampledApplication> samples) {
        if (samples.isEmpty()) {
            return List.of();
        }
        Scope scope = new Scope(drawId, applicationId);
        Map<String, Object> params = scope.params();
        String sampled = scope.select("SampledApplication", "applicationId");
        Map<UUID, Application> applications = byId(Application.<Application>list("id in " + sampled, params),
                a -> a.id);
        Map<UUID, String> people = names(Person.<Person>list("id in (select a.applicantId from Application a "
                + "where a.id in " + sampled + ")", params), p -> p.id, p -> p.name);
        Map<UUID, String> units = names(Unit.<Unit>list("id in (select a.unitId from Application a where a.id in "
                + sampled + ")", params), u -> u.id, u -> u.name);
        // a finding is recorded only by an inspector of its application, so the inspectors name every expert
        Map<UUID, String> experts = names(Expert.<Expert>list("id in " + scope.select("Inspector", "expertId"),
                params), e -> e.id, e -> e.name);
        Map<UUID, List<Inspector>> inspectors = Inspector.<Inspector>list(scope.where("drawId")
                + " order by applicationId, drawRank", params).stream()
                .collect(Collectors.groupingBy(i -> i.applicationId));
        List<Finding> allFindings = Finding.<Finding>list(scope.where("drawId") + " order by recordedAt, id", params);
        Map<UUID, String> evidence = allFindings.isEmpty() ? Map.of() : names(EvidenceItem.<EvidenceItem>list(
                "id in " + scope.select("Finding", "evidenceItemId"), params), e -> e.id, e -> e.title);
        Map<UUID, List<AttachmentView>> attachments = allFindings.isEmpty() ? Map.of()
                : attachments("findingId in " + scope.select("Finding", "id"), params);
        Map<UUID, List<Finding>> findings = allFindings.stream().collect(Collectors.groupingBy(f -> f.applicationId));
        Map<UUID, List<ResponseRequest>> requests = ResponseRequest.<ResponseRequest>list(scope.where("drawId")
                + " order by requestedAt, id", params).stream().collect(Collectors.groupingBy(r -> r.applicationId));
        Map<UUID, Deadline> due = deadlines(requests.values().stream().flatMap(List::stream).toList());
        Map<UUID, List<UUID>> records = IntegrityRecord.<IntegrityRecord>list(scope.where("spotCheckDrawId")
                + " order by createdAt", params).stream().collect(Collectors.groupingBy(r -> r.applicationId,
                        Collectors.mapping(r -> r.id, Collectors.toList())));
        List<SampleView> views = new ArrayList<>(samples.size());
        for (SampledApplication sample : samples) {
            Application application = applications.get(sample.applicationId);
            String applicantName = people.get(application.applicantId);
            List<Finding> own = findings.getOrDefault(sample.applicationId, List.of());
            List<InspectorView> drawn = inspectors.getOrDefault(sample.applicationId, List.of()).stream()
                    .sorted(Comparator.comparingInt(i -> i.drawRank))
                    .map(i -> new InspectorView(i.expertId, experts.get(i.expertId), i.drawRank,
                            (int) own.stream().filter(f -> f.expertId.equals(i.expertId)).count()))
                    .toList();
            List<RequestView> requestViews = requests.getOrDefault(sample.applicationId, List.of()).stream()
                    .map(r -> request(r, applicantName, due)).toList();
            views.add(new SampleView(sample.applicationId, sample.drawRank, applicantName,
                    units.get(application.unitId), application.specialty, application.level, application.state(),
                    drawn, findings(own, evidence, experts, attachments), requestViews, sample.outcome,
                    sample.outcomeNote, sample.concludedAt, sample.version,
                    records.getOrDefault(sample.applicationId, List.of())));
        }
        return views;
    }

    /** The rows of a draw, or of one of its samples: the same narrowing for every kind read. */
    private record Scope(UUID drawId, UUID applicationId) {

        Map<String, Object> params() {
            Map<String, Object> params = new HashMap<>();
            params.put("draw", drawId);
            if (applicationId != null) {
                params.put("application", applicationId);
            }
            return params;
        }

        /** The condition on an entity whose draw is in {@code drawColumn}. */
        String where(String drawColumn) {
            return drawColumn + " = :draw" + (applicationId == null ? "" : " and applicationId = :application");
        }

        /** A subquery selecting {@code column} of the entity's rows in scope. */
        String select(String entity, String column) {
            return "(select x." + column + " from " + entity + " x where x.drawId = :draw"
                    + (applicationId == null ? "" : " and x.applicationId = :application") + ")";
        }
    }

    private static List<FindingView> findings(List<Finding> findings, Map<UUID, String> evidenceTitles,
            Map<UUID, String> expertNames) {
        return findings(findings, evidenceTitles, expertNames, findings.isEmpty() ? Map.of()
                : attachments("findingId in :findings", Map.of("findings", findings.stream().map(f -> f.id).toList())));
    }

    private static List<FindingView> findings(List<Finding> findings, Map<UUID, String> evidenceTitles,
            Map<UUID, String> expertNames, Map<UUID, List<AttachmentView>> attachments) {
        return findings.stream().map(f -> new FindingView(f.evidenceItemId, evidenceTitles.get(f.evidenceItemId),
                f.expertId, expertNames.get(f.expertId), f.result, f.note, f.recordedAt,
                attachments.getOrDefault(f.id, List.of()))).toList();
    }

    /** The uploaded attachments of the findings the condition selects, by finding, oldest first. */
    private static Map<UUID, List<AttachmentView>> attachments(String findingCondition, Map<String, Object> params) {
        Map<String, Object> withStatus = new HashMap<>(params);
        withStatus.put("uploaded", UPLOADED);
        return FindingAttachment.<FindingAttachment>list("status = :uploaded and " + findingCondition
                + " order by createdAt", withStatus).stream().collect(Collectors.groupingBy(a -> a.findingId,
                        Collectors.mapping(SampleViews::attachment, Collectors.toList())));
    }

    private static RequestView request(ResponseRequest r, String applicantName, Map<UUID, Deadline> deadlines) {
        Deadline deadline = deadlines.get(r.id);
        return new RequestView(r.id, r.drawId, r.applicationId, applicantName, r.addressee, r.question,
                deadline.days, deadline.dueDate, r.answer, r.answeredAt, r.version);
    }

    /** R32: each question's number of working days and due date are its deadline's, read for all at once. */
    private static Map<UUID, Deadline> deadlines(Collection<ResponseRequest> requests) {
        if (requests.isEmpty()) {
            return Map.of();
        }
        return Deadline.<Deadline>list("kind = ?1 and subjectId in ?2", DeadlineKind.SPOT_CHECK_RESPONSE,
                requests.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.toMap(d -> d.subjectId, Function.identity(), (a, b) -> a));
    }

    /** Names by id; a map of names, since a null name would not go into a collected map. */
    private static <T> Map<UUID, String> names(List<T> items, Function<T, UUID> id, Function<T, String> name) {
        Map<UUID, String> names = new HashMap<>();
        items.forEach(item -> names.put(id.apply(item), name.apply(item)));
        return names;
    }
}
