package cn.zhicheng.spotcheck.draw.service;

import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.spotcheck.Inspector;
import cn.zhicheng.core.spotcheck.InspectorCandidate;
import cn.zhicheng.core.spotcheck.InspectorRecusal;
import cn.zhicheng.core.spotcheck.PopulationMember;
import cn.zhicheng.core.spotcheck.SampleDraw;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.spotcheck.SpotCheckState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** R19: the public record of the draws, and the server's own re-run of a draw from that record alone. */
@ApplicationScoped
@Transactional
public class PublicSpotCheckService {

    /** Whether re-running the draw from its public record gives what was recorded, part by part. */
    public record Verification(boolean matches, boolean commitmentMatches, boolean populationMatches,
            boolean sampleMatches, boolean inspectorsMatches, List<UUID> recomputedSample) {
    }

    /** The public record of one draw: what a verifier needs, ids only. */
    public record Record(SpotCheck draw, List<UUID> population, List<UUID> sample, Map<UUID, List<UUID>> inspectors,
            List<UUID> candidates, Map<UUID, Set<UUID>> recusals, UUID supersededById) {
    }

    public List<SpotCheck> list() {
        return SpotCheck.listPublic();
    }

    /**
     * Any draw, committed ones too: publishing the commitment, salt and population before the draw is what shows
     * the draw was not chosen afterwards.
     */
    public Record record(UUID id) {
        SpotCheck draw = SpotCheck.findById(id);
        if (draw == null) {
            throw Problem.notFound("SPOT_CHECK_NOT_FOUND", "There is no spot-check draw " + id + ".");
        }
        List<UUID> population = new ArrayList<>(PopulationMember.listIds(draw.id));
        population.sort((a, b) -> a.toString().compareTo(b.toString()));
        List<UUID> sample = SampledApplication.listByDraw(draw.id).stream().map(s -> s.applicationId).toList();
        Map<UUID, List<UUID>> inspectors = new LinkedHashMap<>();
        sample.forEach(applicationId -> inspectors.put(applicationId, new ArrayList<>()));
        Inspector.listByDraw(draw.id).forEach(i -> inspectors.get(i.applicationId).add(i.expertId));
        List<UUID> candidates = new ArrayList<>(InspectorCandidate.listByDraw(draw.id).stream()
                .map(c -> c.expertId).toList());
        candidates.sort((a, b) -> a.toString().compareTo(b.toString()));
        Map<UUID, Set<UUID>> recusals = new LinkedHashMap<>();
        for (InspectorRecusal recusal : InspectorRecusal.listByDraw(draw.id)) {
            recusals.computeIfAbsent(recusal.applicationId, a -> new HashSet<>()).add(recusal.expertId);
        }
        UUID supersededById = SpotCheck.findSupersedingOf(draw.id).map(d -> d.id).orElse(null);
        return new Record(draw, population, sample, inspectors, candidates, recusals, supersededById);
    }

    /** R19: re-runs the draw from the published record with the same function the browser's verifier mirrors. */
    public Verification verify(UUID id) {
        Record record = record(id);
        SpotCheck draw = record.draw();
        if (draw.state == SpotCheckState.COMMITTED) {
            throw Problem.rule("R19", 409, "NOT_DRAWN", "Not drawn yet",
                    "This draw's seed has not been revealed yet; there is nothing to re-run.");
        }
        boolean commitment = SampleDraw.commitment(draw.seed).equals(draw.seedCommitment);
        boolean population = SampleDraw.populationHash(record.population()).equals(draw.populationHash)
                && record.population().size() == draw.populationSize;
        String drawSeed = SampleDraw.drawSeed(draw.seed, draw.serverSalt);
        int size = SampleDraw.sampleSize(record.population().size(), draw.ratio);
        List<UUID> recomputed = SampleDraw.sample(drawSeed, record.population(), size);
        boolean sample = recomputed.equals(record.sample()) && draw.sampleSize != null && draw.sampleSize == size;
        boolean inspectors = true;
        for (UUID applicationId : record.sample()) {
            Set<UUID> recused = record.recusals().getOrDefault(applicationId, Set.of());
            List<UUID> eligible = record.candidates().stream().filter(e -> !recused.contains(e)).toList();
            List<UUID> again = eligible.isEmpty() ? List.of()
                    : SampleDraw.inspectors(drawSeed, applicationId, eligible, draw.inspectorsPerApplication);
            inspectors &= again.equals(record.inspectors().get(applicationId));
        }
        return new Verification(commitment && population && sample && inspectors, commitment, population, sample,
                inspectors, recomputed);
    }
}
