package cn.zhicheng.core.series;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A review committee (评委会) for one series and a set of levels, organised under an HR bureau. */
@Entity
@Table(name = "committee")
public class Committee extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "series_id", nullable = false)
    public UUID seriesId;

    /** The HR bureau that vets for this committee, approves its results and issues its certificates (R8, R14). */
    @Column(name = "hr_bureau_id", nullable = false)
    public UUID hrBureauId;

    /** R12: the number of members; a meeting draws this many experts and is quorate with two-thirds of them. */
    @Column(name = "member_count", nullable = false)
    public int memberCount;

    /** R8: the region whose units' applications the committee reviews, e.g. 潍坊市; null means no limit. */
    public String jurisdiction;

    /** The body that organises the committee (组建单位). */
    public String organiser;

    @Version
    @Column(nullable = false)
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "committee_level", joinColumns = @JoinColumn(name = "committee_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "level")
    public Set<TitleLevel> levels = EnumSet.noneOf(TitleLevel.class);

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** R13: a committee with a senior level is bound by the senior pass-rate cap. */
    public boolean reviewsSenior() {
        return levels.stream().anyMatch(TitleLevel::isSenior);
    }

    public static List<Committee> listOrdered() {
        return list("order by code");
    }

    /**
     * R8: whether a unit in the region is within the committee's jurisdiction: a region named inside it (a county
     * of the city: 潍坊市奎文区 in 潍坊市) is; a committee without a jurisdiction takes any region.
     */
    public boolean covers(String region) {
        return jurisdiction == null || (region != null && region.startsWith(jurisdiction));
    }

    /**
     * R8: the committee that reviews this series and level for a unit in the region: of those whose jurisdiction
     * covers the region, the most local one (a county's before the city's, a city's before one without a
     * jurisdiction); among equals, the oldest.
     */
    public static Optional<Committee> forApplication(UUID seriesId, TitleLevel level, String region) {
        return Committee.<Committee>list("seriesId = ?1 order by createdAt, id", seriesId).stream()
                .filter(c -> c.levels.contains(level) && c.covers(region))
                .min(Comparator.comparingInt((Committee c) -> c.jurisdiction == null ? -1 : c.jurisdiction.length())
                        .reversed());
    }
}
