package cn.zhicheng.core.certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** The last serial an issuer used in a year; locked while the next number is taken so numbers never repeat. */
@Entity
@Table(name = "certificate_serial")
public class CertificateSerial extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "last_serial", nullable = false)
    public long lastSerial;

    /** Issuer and year. */
    @Embeddable
    public record Key(@Column(name = "issuer_id") UUID issuerId, @Column(name = "serial_year") int year)
            implements Serializable {
    }
}
