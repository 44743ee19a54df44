package cn.zhicheng.spotcheck.integrity.service;

import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.integrity.IntegrityKind;
import cn.zhicheng.core.integrity.IntegrityRecord;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.spotcheck.integrity.rest.IntegrityRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The integrity record (诚信档案): searched by staff, seen by its person, never deleted, rescinded with a reason. */
@ApplicationScoped
@Transactional
public class IntegrityService {

    public static final int MAX_PAGE_SIZE = 100;

    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    public IntegrityService(DeadlineService deadlines, AuditTrail audit, Clock clock) {
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** Search criteria; any may be null. */
    public record Criteria(String q, IntegrityKind kind, LocalDate from, LocalDate to, Boolean active) {
    }

    /** One page and the number of records matching. */
    public record Page(List<IntegrityRecord> items, long total) {
    }

    /** q matches the person's name or ID number, the unit's name or the summary; newest confirmation first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(Criteria criteria, int page, int size) {
        StringBuilder where = new StringBuilder(" from IntegrityRecord r left join Person p on p.id = r.personId"
                + " left join Unit u on u.id = r.unitId where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (criteria.q() != null && !criteria.q().isBlank()) {
            String q = criteria.q().trim().toLowerCase(Locale.ROOT);
            where.append(" and (lower(r.personName) like :q or lower(p.name) like :q or lower(p.idNumber) like :q"
                    + " or lower(u.name) like :q or lower(r.summary) like :q)");
            params.put("q", "%" + q.replace("%", "").replace("_", "") + "%");
        }
        if (criteria.kind() != null) {
            where.append(" and r.kind = :kind");
            params.put("kind", criteria.kind());
        }
        if (criteria.from() != null) {
            where.append(" and r.confirmedOn >= :from");
            params.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            where.append(" and r.confirmedOn <= :to");
            params.put("to", criteria.to());
        }
        if (criteria.active() != null) {
            // active: a ban still running and not rescinded (R20, R21)
            where.append(criteria.active() ? " and r.rescindedAt is null and r.banEndsOn > :today"
                    : " and (r.rescindedAt is not null or r.banEndsOn is null or r.banEndsOn <= :today)");
            params.put("today", deadlines.today());
        }
        TypedQuery<Long> count = IntegrityRecord.getEntityManager().createQuery("select count(r)" + where, Long.class);
        TypedQuery<IntegrityRecord> items = IntegrityRecord.getEntityManager()
                .createQuery("select r" + where + " order by r.confirmedOn desc, r.createdAt desc, r.id",
                        IntegrityRecord.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        long offset = (long) Math.max(page, 0) * pageSize;
        long total = count.getSingleResult();
        if (offset >= total) {
            // past the last page (also a page number so large the offset would not fit the query's int)
            return new Page(List.of(), total);
        }
        List<IntegrityRecord> found = items.setFirstResult((int) offset).setMaxResults(pageSize).getResultList();
        return new Page(found, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IntegrityRecord get(UUID id) {
        IntegrityRecord record = IntegrityRecord.findById(id);
        if (record == null) {
            throw Problem.notFound("INTEGRITY_RECORD_NOT_FOUND", "No integrity record " + id + ".");
        }
        return record;
    }

    /** What happened to the record, from its audit events. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> history(UUID id) {
        return AuditEvent.listBySubject(IntegrityRecords.SUBJECT, id);
    }

    /** The records naming the signed-in person, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IntegrityRecord> mine(Actor actor) {
        if (actor.personId() == null) {
            return List.of();
        }
        return IntegrityRecord.list("personId = ?1 order by confirmedOn desc, createdAt desc", actor.personId());
    }

    /** After review or appeal, the HR bureau rescinds a record: kept, no longer barring anyone, audited. */
    public IntegrityRecord rescind(Actor actor, UUID id, IntegrityRequests.Rescission request) {
        IntegrityRecord record = IntegrityRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (record == null) {
            throw Problem.notFound("INTEGRITY_RECORD_NOT_FOUND", "No integrity record " + id + ".");
        }
        Problem.requireVersion("record", request.version(), record.version);
        if (record.rescindedAt != null) {
            throw Problem.conflict("ALREADY_RESCINDED", "Already rescinded",
                    "This record was rescinded on " + record.rescindedAt + ".");
        }
        record.rescindedAt = clock.instant();
        record.rescindedBy = actor.accountId();
        record.rescissionReason = request.reason().trim();
        audit.record(actor, new AuditTrail.Change("INTEGRITY_RECORD_RESCIND", IntegrityRecords.SUBJECT, record.id,
                "IN_FORCE", "RESCINDED", record.rescissionReason));
        IntegrityRecord.flush();
        return record;
    }
}
