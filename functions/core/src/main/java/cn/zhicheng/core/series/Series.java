package cn.zhicheng.core.series;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A title series (职称系列), e.g. 工程技术. */
@Entity
@Table(name = "series")
public class Series extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    /** R22: one of the national title series (国家职称系列), the only ones a self-evaluating unit may file. */
    @Column(nullable = false)
    public boolean national;

    public static List<Series> listOrdered() {
        return list("order by code");
    }

    public static Optional<Series> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
