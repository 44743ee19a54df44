package cn.zhicheng.core.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A sign-in account of the local identity provider; in AWS the Cognito user pool plays this part. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "committee_id")
    public UUID committeeId;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * A new enabled account with its password hashed: the one way accounts are made, by registration and by the HR
     * bureau's set-up (committee office staff, experts).
     */
    public static Account create(String username, String password, String displayName, Role role, UUID personId,
            UUID unitId, UUID committeeId, Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = username.trim();
        account.passwordHash = PasswordHasher.hash(password);
        account.displayName = displayName;
        account.role = role;
        account.personId = personId;
        account.unitId = unitId;
        account.committeeId = committeeId;
        account.enabled = true;
        account.createdAt = now;
        return account;
    }

    public static boolean usernameTaken(String username) {
        return count("username", username.trim()) > 0;
    }

    public static List<Account> listByCommittee(UUID committeeId, Role role) {
        return list("committeeId = ?1 and role = ?2 order by username", committeeId, role);
    }

    public static Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
