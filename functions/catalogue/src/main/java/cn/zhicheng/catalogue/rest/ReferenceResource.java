package cn.zhicheng.catalogue.rest;

import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.core.unit.UnitKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Public reference data: series, levels, units and committees, as the application form needs them. */
@Path("/api/catalogue")
@PermitAll
public class ReferenceResource {

    /** A title series; {@code national}: of the national list a self-evaluating unit may file (R22). */
    public record SeriesView(UUID id, String code, String nameZh, String nameEn, boolean national) {
    }

    /** A title level with its names. */
    public record LevelView(TitleLevel code, String nameZh, String nameEn) {
    }

    /** A unit. */
    public record UnitView(UUID id, String code, String name, UnitKind kind, boolean selfEvaluating) {
    }

    /** A committee with the series and levels it reviews. */
    public record CommitteeView(UUID id, String code, String name, UUID seriesId, String seriesName,
            List<TitleLevel> levels) {
    }

    @GET
    @Path("/series")
    public List<SeriesView> series(@QueryParam("national") Boolean national) {
        return Series.listOrdered().stream().filter(s -> national == null || s.national == national)
                .map(s -> new SeriesView(s.id, s.code, s.nameZh, s.nameEn, s.national)).toList();
    }

    @GET
    @Path("/levels")
    public List<LevelView> levels() {
        return Arrays.stream(TitleLevel.values()).map(l -> new LevelView(l, l.nameZh(), l.nameEn())).toList();
    }

    @GET
    @Path("/units")
    public List<UnitView> units(@QueryParam("kind") UnitKind kind) {
        List<Unit> units = kind == null ? Unit.list("order by code") : Unit.listByKind(kind);
        return units.stream().map(u -> new UnitView(u.id, u.code, u.name, u.kind, u.selfEvaluating)).toList();
    }

    @GET
    @Path("/committees")
    public List<CommitteeView> committees() {
        Map<UUID, Series> series = Series.<Series>listAll().stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        return Committee.listOrdered().stream()
                .map(c -> new CommitteeView(c.id, c.code, c.name, c.seriesId, series.get(c.seriesId).nameZh,
                        c.levels.stream().sorted().toList()))
                .toList();
    }
}
