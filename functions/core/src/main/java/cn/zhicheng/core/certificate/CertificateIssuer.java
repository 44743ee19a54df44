package cn.zhicheng.core.certificate;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.person.Sex;
import cn.zhicheng.core.persistence.BatchInsert;
import cn.zhicheng.core.seal.JwsCompact;
import cn.zhicheng.core.seal.SealSigner;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.unit.Unit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Unremovable;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Issues certificates of both kinds (R27, R28) and reissues (R29): takes the issuer's next serials under the row
 * lock, writes the signed payload (docs/certificates.md) with the issuer's current e-seal key through the signer
 * port, persists, audits, and fires {@link CertificateIssued} in the caller's transaction. Callers check who may
 * issue and from what; this only makes the certificate.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@Unremovable // issue 7's appointment issuance reaches it too
public class CertificateIssuer {

    public static final String SUBJECT = "CERTIFICATE";
    /** R30: the restriction a grassroots certificate states, in the claims as {@code rst}. */
    public static final String GRASSROOTS = "GRASSROOTS";
    /** Below this many certificates the signatures are made on the caller's thread. */
    private static final int PARALLEL_FROM = 16;
    private static final int LOAD_SLICE = 1_000;
    private static final List<String> COLUMNS = List.of("id", "number", "kind", "application_id", "appointment_id",
            "person_id", "issuer_id", "kid", "holder_name", "holder_sex", "series_name", "specialty",
            "practised_specialty", "level", "post", "term_starts_on", "term_ends_on", "committee_name",
            "publication_number", "grassroots", "photo_key", "photo_content_type", "supersedes_id", "reissue_reason",
            "issued_on", "payload", "status", "version", "created_at");

    /** What a certificate takes from its holder's person record. */
    private record Holder(UUID id, String name, Sex sex, String idNumber) {

        static List<Holder> read(List<UUID> ids) {
            return Person.getEntityManager().createQuery("select p.id, p.name, p.sex, p.idNumber from Person p "
                    + "where p.id in ?1", Object[].class).setParameter(1, ids).getResultStream()
                    .map(p -> new Holder((UUID) p[0], (String) p[1], (Sex) p[2], (String) p[3])).toList();
        }
    }

    private final IssuerKeys issuerKeys;
    private final SealSigner signer;
    private final AuditTrail audit;
    private final Event<CertificateIssued> issued;
    private final ObjectMapper json;
    private final Clock clock;
    private final BatchInsert batch;
    private final int signingThreads;
    private volatile ExecutorService signing;

    public CertificateIssuer(IssuerKeys issuerKeys, SealSigner signer, AuditTrail audit,
            Event<CertificateIssued> issued, ObjectMapper json, Clock clock, BatchInsert batch, ZhichengConfig config) {
        this.issuerKeys = issuerKeys;
        this.signer = signer;
        this.audit = audit;
        this.issued = issued;
        this.json = json;
        this.clock = clock;
        this.batch = batch;
        this.signingThreads = Math.max(1, config.seal().signingThreads());
    }

    public Certificate issue(Actor actor, IssueCommand command) {
        return issueAll(actor, List.of(command)).get(0);
    }

    public List<Certificate> issueAll(Actor actor, List<IssueCommand> commands) {
        return issueAll(actor, commands, () -> { });
    }

    /**
     * Issues the certificates in order, in one transaction: serials are reserved per issuer and year in one locked
     * step, the signatures are made on the signing threads (the signer is the slow part) while the caller's
     * {@code meanwhile} (its own writes of the step, such as the applications' transition) and the audit events
     * are written, and the rows go out in one batch. The certificates returned are written rows, not managed
     * entities: find one again to change it.
     */
    public List<Certificate> issueAll(Actor actor, List<IssueCommand> commands, Runnable meanwhile) {
        if (commands.isEmpty()) {
            meanwhile.run();
            return List.of();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ClockProducer.CHINA);
        Map<UUID, Unit> issuers = new HashMap<>();
        Map<UUID, SigningKey> keys = new HashMap<>();
        Map<UUID, Long> nextSerial = new HashMap<>();
        Map<UUID, Long> counts = commands.stream()
                .collect(Collectors.groupingBy(IssueCommand::issuerId, LinkedHashMap::new, Collectors.counting()));
        counts.forEach((issuerId, count) -> {
            Unit issuer = Objects.requireNonNull(Unit.<Unit>findById(issuerId), "no issuer " + issuerId);
            issuers.put(issuerId, issuer);
            keys.put(issuerId, issuerKeys.current(issuer));
            nextSerial.put(issuerId, reserveSerials(issuerId, today.getYear(), count));
        });
        // read, not loaded as entities: the session stays small, so its flushes stay cheap
        Map<UUID, Holder> holders = load(commands.stream().map(IssueCommand::personId), Holder::read, Holder::id);
        Map<UUID, Certificate> superseded = load(commands.stream().map(IssueCommand::supersedesId),
                ids -> Certificate.<Certificate>list("id in ?1", ids), certificate -> certificate.id);

        List<Certificate> certificates = new ArrayList<>(commands.size());
        List<Map<String, Object>> claims = new ArrayList<>(commands.size());
        for (IssueCommand command : commands) {
            Unit issuer = issuers.get(command.issuerId());
            Holder holder = Objects.requireNonNull(holders.get(command.personId()), "no person " + command.personId());
            long serial = nextSerial.merge(command.issuerId(), 1L, Long::sum) - 1;
            Certificate certificate = certificate(command, issuer, holder, keys.get(command.issuerId()), serial,
                    today, now);
            Certificate old = command.supersedesId() == null ? null : superseded.get(command.supersedesId());
            certificates.add(certificate);
            claims.add(claims(certificate, holder.idNumber(), issuer, old));
        }
        Signing signing = sign(certificates, claims, keys);
        String[] payloads;
        try {
            meanwhile.run();
            List<AuditTrail.Change> changes = new ArrayList<>(certificates.size());
            for (Certificate certificate : certificates) {
                changes.add(new AuditTrail.Change(certificate.supersedesId == null ? "ISSUE" : "REISSUE", SUBJECT,
                        certificate.id, null, CertificateStatus.VALID.name(), certificate.number));
                if (certificate.supersedesId != null) {
                    changes.add(supersede(superseded.get(certificate.supersedesId), certificate, now));
                }
            }
            audit.recordAll(actor, changes);
            payloads = signing.await();
        } finally {
            signing.cancel();
        }
        List<Object[]> rows = new ArrayList<>(certificates.size());
        for (int i = 0; i < certificates.size(); i++) {
            certificates.get(i).payload = payloads[i];
            rows.add(row(certificates.get(i)));
        }
        // a key made for this issuance is still in the session; the rows refer to it
        Certificate.flush();
        batch.insert("certificate", COLUMNS, rows);
        for (Certificate certificate : certificates) {
            issued.fire(new CertificateIssued(certificate.id, certificate.issuerId, certificate.kind,
                    certificate.issuedOn));
        }
        return certificates;
    }

    /**
     * The claims of the signed payload, short because they ride in a QR code; absent ones are left out. Only the
     * masked ID number is ever signed (R27).
     */
    static Map<String, Object> claims(Certificate c, String idNumber, Unit issuer, Certificate supersedes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("v", 2);
        claims.put("knd", c.kind == CertificateKind.APPOINTMENT ? "A" : "T");
        claims.put("num", c.number);
        claims.put("name", c.holderName);
        claims.put("idm", IdNumber.mask(idNumber));
        putIfPresent(claims, "sex", c.holderSex == null ? null : c.holderSex == Sex.MALE ? "M" : "F");
        claims.put("ser", c.seriesName);
        claims.put("spe", c.specialty);
        putIfPresent(claims, "prs", Objects.equals(c.practisedSpecialty, c.specialty) ? null : c.practisedSpecialty);
        claims.put("lvl", c.level.name());
        putIfPresent(claims, "pst", c.post);
        putIfPresent(claims, "tfr", c.termStartsOn == null ? null : c.termStartsOn.toString());
        putIfPresent(claims, "tto", c.termEndsOn == null ? null : c.termEndsOn.toString());
        claims.put("com", c.committeeName);
        putIfPresent(claims, "pub", c.publicationNumber);
        claims.put("iss", issuer.id.toString());
        claims.put("isn", issuer.name);
        claims.put("iat", c.issuedOn.toString());
        putIfPresent(claims, "rst", c.grassroots ? GRASSROOTS : null);
        putIfPresent(claims, "rei", supersedes == null ? null : supersedes.number);
        return claims;
    }

    @PreDestroy
    void stop() {
        if (signing != null) {
            signing.shutdownNow();
        }
    }

    private static Certificate certificate(IssueCommand command, Unit issuer, Holder holder, SigningKey key,
            long serial, LocalDate today, Instant now) {
        Certificate c = new Certificate();
        c.id = UUID.randomUUID();
        c.kind = command.kind();
        c.number = CertificateNumber.of(issuer.code, today.getYear(), serial).value();
        c.applicationId = command.applicationId();
        c.appointmentId = command.appointmentId();
        c.personId = holder.id();
        c.issuerId = issuer.id;
        c.kid = key.kid;
        c.holderName = holder.name();
        c.holderSex = holder.sex();
        c.seriesName = command.seriesName();
        c.specialty = command.specialty();
        c.practisedSpecialty = command.practisedSpecialty() == null ? command.specialty()
                : command.practisedSpecialty();
        c.level = command.level();
        c.post = command.post();
        c.termStartsOn = command.termStartsOn();
        c.termEndsOn = command.termEndsOn();
        c.committeeName = command.committeeName();
        c.publicationNumber = command.publicationNumber();
        c.grassroots = command.grassroots();
        c.photoKey = command.photoKey();
        c.photoContentType = command.photoContentType();
        c.supersedesId = command.supersedesId();
        c.reissueReason = command.reissueReason();
        c.issuedOn = today;
        c.status = CertificateStatus.VALID;
        c.createdAt = now;
        return c;
    }

    private static AuditTrail.Change supersede(Certificate old, Certificate replacement, Instant now) {
        old.status = CertificateStatus.SUPERSEDED;
        old.supersededAt = now;
        return new AuditTrail.Change("SUPERSEDE", SUBJECT, old.id, CertificateStatus.VALID.name(),
                CertificateStatus.SUPERSEDED.name(), "reissued as " + replacement.number);
    }

    /** The row of a new certificate, in {@link #COLUMNS} order; the columns left out are null until it changes. */
    private static Object[] row(Certificate c) {
        return new Object[] {c.id, c.number, c.kind.name(), c.applicationId, c.appointmentId, c.personId, c.issuerId,
            c.kid, c.holderName, name(c.holderSex), c.seriesName, c.specialty, c.practisedSpecialty, c.level.name(),
            c.post, c.termStartsOn, c.termEndsOn, c.committeeName, c.publicationNumber, c.grassroots, c.photoKey,
            c.photoContentType, c.supersedesId, name(c.reissueReason), c.issuedOn, c.payload, c.status.name(),
            c.version, c.createdAt};
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** The first of {@code count} consecutive serials of the issuer's year, taken under the serial row's lock. */
    private static long reserveSerials(UUID issuerId, int year, long count) {
        CertificateSerial.Key key = new CertificateSerial.Key(issuerId, year);
        CertificateSerial serial = CertificateSerial.findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (serial == null) {
            serial = new CertificateSerial();
            serial.key = key;
            serial.lastSerial = 0;
            serial.persist();
        }
        long first = serial.lastSerial + 1;
        serial.lastSerial += count;
        return first;
    }

    /** Signatures under way on the signing threads; none for a few, made on the caller's thread. */
    private record Signing(String[] payloads, List<Future<?>> slices) {

        String[] await() {
            try {
                for (Future<?> slice : slices) {
                    slice.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while signing certificates", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Cannot sign the certificates", e.getCause());
            }
            return payloads;
        }

        /** After a failure on the caller's side the signatures left are of no use. */
        void cancel() {
            slices.forEach(slice -> slice.cancel(true));
        }
    }

    private Signing sign(List<Certificate> certificates, List<Map<String, Object>> claims,
            Map<UUID, SigningKey> keys) {
        int n = certificates.size();
        String[] payloads = new String[n];
        int threads = n < PARALLEL_FROM ? 1 : Math.min(signingThreads, n / PARALLEL_FROM);
        if (threads == 1) {
            for (int i = 0; i < n; i++) {
                payloads[i] = sign(certificates.get(i), claims.get(i), keys);
            }
            return new Signing(payloads, List.of());
        }
        // contiguous slices, one task each: the signer is thread-safe and the slices share nothing
        List<Future<?>> slices = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            slices.add(executor().submit(() -> {
                for (int i = from; i < to && !Thread.currentThread().isInterrupted(); i++) {
                    payloads[i] = sign(certificates.get(i), claims.get(i), keys);
                }
            }));
        }
        return new Signing(payloads, slices);
    }

    // runs on the signing threads, outside the transaction: the signer port only, no entity access
    private String sign(Certificate certificate, Map<String, Object> claims, Map<UUID, SigningKey> keys) {
        SigningKey key = keys.get(certificate.issuerId);
        try {
            return JwsCompact.sign(key.kid, json.writeValueAsBytes(claims),
                    message -> signer.sign(key.keyRef, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the certificate payload", e);
        }
    }

    private ExecutorService executor() {
        ExecutorService executor = signing;
        if (executor == null) {
            synchronized (this) {
                if (signing == null) {
                    signing = Executors.newFixedThreadPool(signingThreads, runnable -> {
                        Thread thread = new Thread(runnable, "certificate-signing");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                executor = signing;
            }
        }
        return executor;
    }

    private static void putIfPresent(Map<String, Object> claims, String name, Object value) {
        if (value != null) {
            claims.put(name, value);
        }
    }

    /** Rows by id, read in slices so a large batch stays under the driver's limit of bind parameters. */
    private static <T> Map<UUID, T> load(Stream<UUID> wanted, Function<List<UUID>, List<T>> query,
            Function<T, UUID> id) {
        List<UUID> ids = wanted.filter(Objects::nonNull).distinct().toList();
        Map<UUID, T> rows = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LOAD_SLICE) {
            query.apply(ids.subList(from, Math.min(ids.size(), from + LOAD_SLICE)))
                    .forEach(row -> rows.put(id.apply(row), row));
        }
        return rows;
    }
}
