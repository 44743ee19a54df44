package cn.zhicheng.core.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A natural person: applicant, unit staff or expert. The ID number is shown masked to everyone but its owner. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** Validated by {@link IdNumber}; never logged or shown unmasked except to its owner. */
    @Column(name = "id_number", nullable = false, unique = true)
    public String idNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Person create(String name, IdNumber idNumber, Instant now) {
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.name = name;
        person.idNumber = idNumber.value();
        person.sex = idNumber.sex();
        person.birthDate = idNumber.birthDate();
        person.createdAt = now;
        return person;
    }

    public static Optional<Person> findByIdNumber(String idNumber) {
        return find("idNumber", idNumber).firstResultOptional();
    }

    public String maskedIdNumber() {
        return IdNumber.mask(idNumber);
    }
}
