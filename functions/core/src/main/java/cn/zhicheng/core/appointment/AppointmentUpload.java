package cn.zhicheng.core.appointment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** R25: one uploaded sheet of appointment records and the counts of its per-row report. */
@Entity
@Table(name = "appointment_upload")
public class AppointmentUpload extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "uploaded_by", nullable = false)
    public UUID uploadedBy;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "row_count", nullable = false)
    public int rowCount;

    @Column(name = "accepted_count", nullable = false)
    public int acceptedCount;

    @Column(name = "refused_count", nullable = false)
    public int refusedCount;

    @Column(name = "already_recorded_count", nullable = false)
    public int alreadyRecordedCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
