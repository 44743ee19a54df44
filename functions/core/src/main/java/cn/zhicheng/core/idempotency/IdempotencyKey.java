package cn.zhicheng.core.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A creating request's Idempotency-Key and the resource it created, per account. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Id
    @Column(name = "idem_key")
    public String key;

    @Column(nullable = false)
    public String operation;

    @Column(name = "resource_id", nullable = false)
    public UUID resourceId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID accountId;
        public String key;

        public Key() {
        }

        public Key(UUID accountId, String key) {
            this.accountId = accountId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, key);
        }
    }
}
