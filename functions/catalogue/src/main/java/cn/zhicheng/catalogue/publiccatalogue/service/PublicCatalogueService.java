package cn.zhicheng.catalogue.publiccatalogue.service;

import cn.zhicheng.catalogue.publiccatalogue.mapping.CatalogueItem;
import cn.zhicheng.catalogue.publiccatalogue.mapping.CatalogueSheet;
import cn.zhicheng.core.catalogue.FilingState;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.deadline.DeadlineService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * R23: the public catalogue: the filings active today, sorted by city, unit and series, each page one query joining
 * unit and series.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicCatalogueService {

    /** The most rows one spreadsheet carries; the catalogue of a province is far smaller. */
    static final int SHEET_LIMIT = 20_000;

    private static final String FROM = " from SeriesFiling f, Unit u, Series s where u.id = f.unitId"
            + " and s.id = f.seriesId and f.state = :approved and f.validFrom <= :today and f.validUntil >= :today";

    private final DeadlineService deadlines;

    public PublicCatalogueService(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    /** Substring filters, case-insensitive; {@code series} also matches the series code. */
    public record Filter(String unit, String series, String city) {
    }

    public record Page(List<CatalogueItem> items, long total) {
    }

    public Page page(Filter filter, int page, int size) {
        LocalDate today = deadlines.today();
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, today, params);
        List<CatalogueItem> items = items(where, params, page * size, size);
        var count = SeriesFiling.getEntityManager().createQuery("select count(f)" + where, Long.class);
        params.forEach(count::setParameter);
        return new Page(items, count.getSingleResult());
    }

    public byte[] spreadsheet(Filter filter) {
        LocalDate today = deadlines.today();
        Map<String, Object> params = new LinkedHashMap<>();
        return CatalogueSheet.xlsx(items(where(filter, today, params), params, 0, SHEET_LIMIT), today);
    }

    private static List<CatalogueItem> items(String where, Map<String, Object> params, int offset, int limit) {
        TypedQuery<Object[]> query = SeriesFiling.getEntityManager().createQuery("select f, u.name, u.region, "
                + "s.code, s.nameZh" + where + " order by u.region, u.name, s.code, f.specialty, f.id",
                Object[].class);
        params.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(r -> CatalogueItem.of((SeriesFiling) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4]))
                .toList();
    }

    private static String where(Filter filter, LocalDate today, Map<String, Object> params) {
        params.put("approved", FilingState.APPROVED);
        params.put("today", today);
        StringBuilder where = new StringBuilder(FROM);
        if (present(filter.unit())) {
            where.append(" and lower(u.name) like :unit escape '\\'");
            params.put("unit", pattern(filter.unit()));
        }
        if (present(filter.city())) {
            where.append(" and lower(u.region) like :city escape '\\'");
            params.put("city", pattern(filter.city()));
        }
        if (present(filter.series())) {
            where.append(" and (lower(s.nameZh) like :series escape '\\' or lower(s.code) like :series escape '\\')");
            params.put("series", pattern(filter.series()));
        }
        return where.toString();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** A substring pattern in which the user's own % and _ match themselves. */
    private static String pattern(String text) {
        String escaped = text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
