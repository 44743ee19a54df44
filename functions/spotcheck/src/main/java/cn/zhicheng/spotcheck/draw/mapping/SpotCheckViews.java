package cn.zhicheng.spotcheck.draw.mapping;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.spotcheck.Finding;
import cn.zhicheng.core.spotcheck.FindingAttachment;
import cn.zhicheng.core.spotcheck.Inspector;
import cn.zhicheng.core.spotcheck.ResponseRequest;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.spotcheck.draw.mapping.SpotCheckView.AttachmentView;
import cn.zhicheng.spotcheck.draw.mapping.SpotCheckView.FindingView;
import cn.zhicheng.spotcheck.draw.mapping.SpotCheckView.InspectorView;
import cn.zhicheng.spotcheck.draw.mapping.SpotCheckView.RequestView;
import cn.zhicheng.spotcheck.draw.mapping.SpotCheckView.SampleView;
import cn.zhicheng.spotcheck.draw.service.PublicSpotCheckService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the draw views. A draw's samples, inspectors, findings and questions are each read with one query per
 * kind for the whole draw, never one per sampled application.
 */
@ApplicationScoped
@Transactional
public class SpotCheckViews {

    /** The draws of a list, without their samples (fetch one draw for them). */
    public List<SpotCheckView> list(List<SpotCheck> draws) {
        return draws.stream().map(d -> view(d, List.of())).toList();
    }

    public SpotCheckView view(UUID id) {
        SpotCheck draw = SpotCheck.findById(id);
        return view(draw, samples(draw));
    }

    private static SpotCheckView view(SpotCheck draw, List<SampleView> samples) {
        Committee committee = Committee.findById(draw.committeeId);
        ReviewRound round = ReviewRound.findById(draw.roundId);
        Series series = Series.findById(draw.seriesId);
        UUID supersededBy = SpotCheck.findSupersedingOf(draw.id).map(d -> d.id).orElse(null);
        return new SpotCheckView(draw.id, draw.committeeId, committee.name, draw.roundId, round.year, draw.seriesId,
                series.nameZh, draw.state, draw.ratio, draw.inspectorsPerApplication, draw.seedCommitment,
                draw.serverSalt, draw.populationHash, draw.populationSize, draw.seed, draw.sampleSize,
                draw.correctsDrawId, draw.correctionReason, supersededBy, draw.committedAt, draw.drawnAt,
                draw.version, samples);
    }

    private static List<SampleView> samples(SpotCheck draw) {
        List<SampledApplication> samples = SampledApplication.listByDraw(draw.id);
        if (samples.isEmpty()) {
            return List.of();
        }
        String sampled = "(select s.applicationId from SampledApplication s where s.drawId = ?1)";
        Map<UUID, Application> applications = byId(Application.<Application>list("id in " + sampled, draw.id),
                a -> a.id);
        Map<UUID, String> people = Person.<Person>list("id in (select a.applicantId from Application a where a.id in "
                + sampled + ")", draw.id).stream().collect(Collectors.toMap(p -> p.id, p -> p.name));
        Map<UUID, String> units = Unit.<Unit>list("id in (select a.unitId from Application a where a.id in "
                + sampled + ")", draw.id).stream().collect(Collectors.toMap(u -> u.id, u -> u.name));
        Map<UUID, String> experts = Expert.<Expert>list("id in (select i.expertId from Inspector i "
                + "where i.drawId = ?1)", draw.id).stream().collect(Collectors.toMap(e -> e.id, e -> e.name));
        Map<UUID, List<Inspector>> inspectors = Inspector.listByDraw(draw.id).stream()
                .collect(Collectors.groupingBy(i -> i.applicationId));
        List<Finding> allFindings = Finding.list("drawId = ?1 order by recordedAt, id", draw.id);
        Map<UUID, List<Finding>> findings = allFindings.stream().collect(Collectors.groupingBy(f -> f.applicationId));
        Map<UUID, String> evidence = allFindings.isEmpty() ? Map.of() : EvidenceItem.<EvidenceItem>list(
                "id in (select f.evidenceItemId from Finding f where f.drawId = ?1)", draw.id).stream()
                .collect(Collectors.toMap(e -> e.id, e -> e.title));
        Map<UUID, List<FindingAttachment>> attachments = allFindings.isEmpty() ? Map.of()
                : FindingAttachment.<FindingAttachment>list("findingId in (select f.id from Finding f "
                        + "where f.drawId = ?1) order by createdAt", draw.id).stream()
                        .collect(Collectors.groupingBy(a -> a.findingId));
        Map<UUID, List<ResponseRequest>> requests = ResponseRequest.<ResponseRequest>list(
                "drawId = ?1 order by requestedAt, id", draw.id).stream()
                .collect(Collectors.groupingBy(r -> r.applicationId));
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
            List<FindingView> findingViews = own.stream().map(f -> new FindingView(f.evidenceItemId,
                    evidence.get(f.evidenceItemId), f.expertId, experts.get(f.expertId), f.result, f.note,
                    f.recordedAt, attachments.getOrDefault(f.id, List.of()).stream()
                            .map(a -> new AttachmentView(a.id, a.fileName)).toList())).toList();
            List<RequestView> requestViews = requests.getOrDefault(sample.applicationId, List.of()).stream()
                    .map(r -> request(r, applicantName)).toList();
            views.add(new SampleView(sample.applicationId, sample.drawRank, applicantName,
                    units.get(application.unitId), application.specialty, application.level, application.state(),
                    drawn, findingViews, requestViews, sample.outcome, sample.outcomeNote, sample.concludedAt,
                    sample.version));
        }
        return views;
    }

    public static RequestView request(ResponseRequest r, String applicantName) {
        return new RequestView(r.id, r.drawId, r.applicationId, applicantName, r.addressee, r.question,
                r.workingDays, r.dueOn, r.answer, r.answeredAt, r.version);
    }

    /** R19: the public record, ids only. */
    public PublicSpotCheckView publicView(PublicSpotCheckService.Record record) {
        SpotCheck draw = record.draw();
        List<PublicSpotCheckView.Sampled> sample = new ArrayList<>(record.sample().size());
        int rank = 1;
        for (UUID applicationId : record.sample()) {
            sample.add(new PublicSpotCheckView.Sampled(applicationId, rank++,
                    record.inspectors().getOrDefault(applicationId, List.of())));
        }
        List<PublicSpotCheckView.Recused> recusals = new ArrayList<>();
        record.recusals().forEach((applicationId, experts) -> experts.stream()
                .sorted(Comparator.comparing(UUID::toString))
                .forEach(e -> recusals.add(new PublicSpotCheckView.Recused(applicationId, e))));
        return new PublicSpotCheckView(draw.id, Committee.<Committee>findById(draw.committeeId).name,
                Series.<Series>findById(draw.seriesId).nameZh, ReviewRound.<ReviewRound>findById(draw.roundId).year,
                draw.state, draw.ratio, draw.inspectorsPerApplication, draw.seedCommitment, draw.serverSalt,
                draw.populationHash, record.population(), draw.seed, sample, record.candidates(), recusals,
                draw.correctsDrawId, record.supersededById(), draw.committedAt, draw.drawnAt);
    }

    public List<PublicSpotCheckView.Summary> publicList(List<SpotCheck> draws) {
        return draws.stream().map(d -> new PublicSpotCheckView.Summary(d.id,
                Committee.<Committee>findById(d.committeeId).name, Series.<Series>findById(d.seriesId).nameZh,
                ReviewRound.<ReviewRound>findById(d.roundId).year, d.populationSize, d.sampleSize, d.drawnAt,
                d.state)).toList();
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
