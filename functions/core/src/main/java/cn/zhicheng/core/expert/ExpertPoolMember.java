package cn.zhicheng.core.expert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** R9: an expert in a committee's pool for one year; the pool is renewed every year. */
@Entity
@Table(name = "expert_pool_member")
@IdClass(ExpertPoolMember.Key.class)
public class ExpertPoolMember extends PanacheEntityBase {

    @Id
    @Column(name = "committee_id")
    public UUID committeeId;

    @Id
    @Column(name = "pool_year")
    public int poolYear;

    @Id
    @Column(name = "expert_id")
    public UUID expertId;

    @Column(name = "term_ends_on", nullable = false)
    public LocalDate termEndsOn;

    @Column(name = "added_by")
    public UUID addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID committeeId;
        public int poolYear;
        public UUID expertId;

        public Key() {
        }

        public Key(UUID committeeId, int poolYear, UUID expertId) {
            this.committeeId = committeeId;
            this.poolYear = poolYear;
            this.expertId = expertId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(committeeId, k.committeeId) && poolYear == k.poolYear && Objects.equals(expertId, k.expertId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(committeeId, poolYear, expertId);
        }
    }

    public static List<ExpertPoolMember> listPool(UUID committeeId, int year) {
        return list("committeeId = ?1 and poolYear = ?2 order by expertId", committeeId, year);
    }

    public static boolean inPool(UUID committeeId, int year, UUID expertId) {
        return count("committeeId = ?1 and poolYear = ?2 and expertId = ?3", committeeId, year, expertId) > 0;
    }
}
