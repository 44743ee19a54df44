package cn.zhicheng.core.spotcheck;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A question the office puts about a sampled application, answered within N working days (R18, R32). */
@Entity
@Table(name = "spot_check_request")
public class ResponseRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "draw_id", nullable = false)
    public UUID drawId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Addressee addressee;

    @Column(nullable = false)
    public String question;

    @Column(name = "requested_by", nullable = false)
    public UUID requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    public String answer;

    @Column(name = "answered_by")
    public UUID answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Version
    @Column(nullable = false)
    public long version;
}
