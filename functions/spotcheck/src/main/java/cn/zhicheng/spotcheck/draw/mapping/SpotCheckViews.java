package cn.zhicheng.spotcheck.draw.mapping;

import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.spotcheck.draw.service.PublicSpotCheckService;
import cn.zhicheng.spotcheck.mapping.SampleViews;
import cn.zhicheng.spotcheck.mapping.SpotCheckView;
import cn.zhicheng.spotcheck.mapping.SpotCheckView.SampleView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Builds the draw views; their samples come from {@link SampleViews}, one query per kind for the whole draw. */
@ApplicationScoped
@Transactional
public class SpotCheckViews {

    private final SampleViews samples;

    public SpotCheckViews(SampleViews samples) {
        this.samples = samples;
    }

    /** The draws of a list, without their samples (fetch one draw for them). */
    public List<SpotCheckView> list(List<SpotCheck> draws) {
        return draws.stream().map(d -> view(d, List.of())).toList();
    }

    public SpotCheckView view(UUID id) {
        SpotCheck draw = SpotCheck.findById(id);
        return view(draw, samples.samples(draw));
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
}
