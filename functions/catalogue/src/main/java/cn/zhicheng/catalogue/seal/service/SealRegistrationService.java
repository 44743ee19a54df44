package cn.zhicheng.catalogue.seal.service;

import cn.zhicheng.catalogue.seal.rest.SealRegistrationRequests;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.catalogue.SealBusiness;
import cn.zhicheng.core.catalogue.SealRegistration;
import cn.zhicheng.core.catalogue.SealRegistrationState;
import cn.zhicheng.core.certificate.IssuerKeys;
import cn.zhicheng.core.certificate.IssuerSealImage;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.InvalidIdNumberException;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.storage.EvidenceStore;
import cn.zhicheng.core.storage.ImageType;
import cn.zhicheng.core.unit.CreditCode;
import cn.zhicheng.core.unit.InvalidCreditCodeException;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * R24: a self-evaluating unit's application (附件3) to register, change or cancel its title e-seal, and the city HR
 * bureau's decision. Approval is what gives the unit its signing key (decision 0014): NEW creates it, CHANGE rotates
 * it, CANCEL retires it; the approved image becomes the seal its certificates print.
 */
@ApplicationScoped
@Transactional
public class SealRegistrationService {

    public static final String SUBJECT = "SEAL_REGISTRATION";
    public static final long MAX_IMAGE_SIZE = 1024 * 1024;
    public static final String REGISTERED = "e-seal registration";
    public static final String CHANGED = "e-seal change";
    public static final String CANCELLED = "e-seal cancellation";

    private final SealAccess access;
    private final IssuerKeys keys;
    private final EvidenceStore store;
    private final AuditTrail audit;
    private final Clock clock;

    public SealRegistrationService(SealAccess access, IssuerKeys keys, EvidenceStore store, AuditTrail audit,
            Clock clock) {
        this.access = access;
        this.keys = keys;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of registrations and how many there are in all. */
    public record Listing(List<SealRegistration> items, long total) {
    }

    /** A stored seal image. */
    public record Image(String contentType, byte[] bytes) {
    }

    /** The unit applies; at most one application of a unit is open at a time. */
    public SealRegistration submit(Actor actor, SealRegistrationRequests.Application request) {
        Unit unit = Unit.selfEvaluatingOf(actor, true);
        Checked checked = check(request);
        Optional<SealRegistration> pending = SealRegistration.<SealRegistration>find(
                "unitId = ?1 and state in ?2", unit.id,
                List.of(SealRegistrationState.SUBMITTED, SealRegistrationState.RETURNED)).firstResultOptional();
        if (pending.isPresent()) {
            throw Problem.rule("R24", 409, "SEAL_APPLICATION_PENDING", "An application is open",
                    "Your e-seal application of " + pending.get().submittedAt + " is " + pending.get().state
                            + "; correct or wait for it before applying again.")
                    .with("registrationId", pending.get().id);
        }
        Optional<SealRegistration> inForce = requireBusinessFits(unit, request.business());
        Unit bureau = unit.cityHrBureau().orElseThrow(() -> Problem.of(422, "NO_HR_BUREAU", "No HR bureau",
                "No city HR bureau is known for " + unit.name + ", so nobody can decide the application."));
        Instant now = clock.instant();
        SealRegistration registration = new SealRegistration();
        registration.id = UUID.randomUUID();
        registration.unitId = unit.id;
        registration.hrBureauId = bureau.id;
        registration.createdAt = now;
        fill(registration, request, checked, inForce, actor, now);
        registration.persist();
        audit.record(actor, new AuditTrail.Change("SEAL_REGISTRATION_SUBMIT", SUBJECT, registration.id, null,
                registration.state.name(), registration.business.name()));
        return registration;
    }

    /** The unit corrects a returned application, which is submitted again. */
    public SealRegistration correct(Actor actor, UUID id, SealRegistrationRequests.Application request) {
        SealRegistration registration = access.ownForChange(actor, id);
        if (registration.state != SealRegistrationState.RETURNED) {
            throw Problem.conflict("SEAL_REGISTRATION_NOT_RETURNED", "Not returned",
                    "Only a returned application is corrected; this one is " + registration.state + ".");
        }
        if (request.version() == null) {
            throw Problem.validation(List.of(new Problem.FieldError("version", "must not be null")));
        }
        Problem.requireVersion("e-seal registration", request.version(), registration.version);
        Checked checked = check(request);
        Optional<SealRegistration> inForce = requireBusinessFits(Unit.findById(registration.unitId),
                request.business());
        fill(registration, request, checked, inForce, actor, clock.instant());
        registration.decidedAt = null;
        registration.decidedBy = null;
        registration.decisionNote = null;
        audit.record(actor, new AuditTrail.Change("SEAL_REGISTRATION_CORRECT", SUBJECT, registration.id,
                SealRegistrationState.RETURNED.name(), registration.state.name(), registration.business.name()));
        return flushed(registration);
    }

    /** The title seal's image (职称专用章) of a NEW or CHANGE application, while it is undecided. */
    public SealRegistration uploadImage(Actor actor, UUID id, String declaredType, byte[] bytes) {
        SealRegistration registration = access.ownForChange(actor, id);
        if (registration.state != SealRegistrationState.SUBMITTED
                && registration.state != SealRegistrationState.RETURNED) {
            throw Problem.conflict("SEAL_REGISTRATION_DECIDED", "Already decided",
                    "The application is " + registration.state + "; its image can no longer change.");
        }
        if (registration.business == SealBusiness.CANCEL) {
            throw Problem.rule("R24", 422, "SEAL_IMAGE_NOT_NEEDED", "No image for a cancellation",
                    "A cancellation ends the seal in force; it carries no seal image.");
        }
        ImageType format = ImageType.of(declaredType, bytes).orElseThrow(() ->
                Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "Not a PNG or JPEG image",
                        "Send the seal image as image/png or image/jpeg, with the contents of that type; got "
                                + (declaredType == null ? "no type" : declaredType) + "."));
        if (bytes.length > MAX_IMAGE_SIZE) {
            throw Problem.of(413, "PAYLOAD_TOO_LARGE", "Seal image too large",
                    "The seal image may be at most 1 MB (1,048,576 bytes); this one has " + bytes.length + ".");
        }
        String before = registration.imageKey == null ? null : "IMAGE";
        registration.imageKey = "seal-registrations/" + registration.id + "/image";
        registration.imageContentType = format.mediaType();
        registration.imageSize = (long) bytes.length;
        registration.imageSha256 = sha256(bytes);
        store.write(registration.imageKey, bytes, format.mediaType());
        audit.record(actor, new AuditTrail.Change("SEAL_REGISTRATION_IMAGE", SUBJECT, registration.id, before,
                "IMAGE", format.mediaType() + ", " + bytes.length + " bytes, SHA-256 " + registration.imageSha256));
        return flushed(registration);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Image image(Actor actor, UUID id) {
        SealRegistration registration = access.visible(actor, id);
        Optional<byte[]> bytes = registration.imageKey == null ? Optional.empty() : store.read(registration.imageKey);
        return bytes.map(b -> new Image(registration.imageContentType, b)).orElseThrow(() -> Problem.notFound(
                "SEAL_IMAGE_NOT_FOUND", "No seal image was uploaded with this application."));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SealRegistration get(Actor actor, UUID id) {
        return access.visible(actor, id);
    }

    /** The unit's own registrations, or those of the units the bureau decides; newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing list(Actor actor, SealRegistrationState state, int page, int size) {
        String owner;
        if (actor.is(Role.SELF_EVAL_UNIT)) {
            Unit.selfEvaluatingOf(actor, false);
            owner = "unitId";
        } else {
            owner = "hrBureauId";
        }
        PanacheQuery<SealRegistration> query = state == null
                ? SealRegistration.find(owner + " = ?1", Sort.descending("createdAt", "id"), actor.unitId())
                : SealRegistration.find(owner + " = ?1 and state = ?2", Sort.descending("createdAt", "id"),
                        actor.unitId(), state);
        return new Listing(query.page(Page.of(page, size)).list(), query.count());
    }

    /** The unit's seal in force. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SealRegistration current(Actor actor) {
        Unit unit = Unit.selfEvaluatingOf(actor, false);
        return SealRegistration.activeFor(unit.id).orElseThrow(() -> Problem.notFound("NO_SEAL_IN_FORCE",
                unit.name + " has no registered e-seal in force."));
    }

    /**
     * The bureau approves: NEW creates the unit's signing key, CHANGE rotates it, CANCEL retires it; the seal in
     * force before a CHANGE or CANCEL is RETIRED, and the approved image becomes the unit's certificate seal.
     */
    public SealRegistration approve(Actor actor, UUID id, SealRegistrationRequests.Approval request) {
        SealRegistration registration = requireSubmitted(access.decidedBy(actor, id));
        Problem.requireVersion("e-seal registration", request.version(), registration.version);
        Unit unit = Unit.findById(registration.unitId);
        Optional<SealRegistration> inForce = requireBusinessFits(unit, registration.business);
        if (registration.business != SealBusiness.CANCEL && registration.imageKey == null) {
            throw Problem.rule("R24", 422, "SEAL_IMAGE_MISSING", "No seal image",
                    "The unit has not uploaded the title seal's image; return the application or wait for it.");
        }
        Instant now = clock.instant();
        registration.state = SealRegistrationState.APPROVED;
        registration.decidedAt = now;
        registration.decidedBy = actor.accountId();
        registration.decisionNote = blankToNull(request.note());
        registration.replacesId = inForce.map(r -> r.id).orElse(null);
        audit.record(actor, new AuditTrail.Change("SEAL_REGISTRATION_APPROVE", SUBJECT, registration.id,
                SealRegistrationState.SUBMITTED.name(), registration.state.name(), registration.business.name()
                        + (registration.decisionNote == null ? "" : ": " + registration.decisionNote)));
        switch (registration.business) {
            case NEW -> registration.kid = keys.rotate(actor, unit, REGISTERED).kid;
            case CHANGE -> registration.kid = keys.rotate(actor, unit, CHANGED).kid;
            case CANCEL -> keys.retire(actor, unit, CANCELLED);
        }
        inForce.ifPresent(previous -> retire(actor, previous, registration, now));
        if (registration.business != SealBusiness.CANCEL) {
            useAsCertificateSeal(actor, registration, now);
        }
        return flushed(registration);
    }

    /** The bureau returns the application for correction with its reason. */
    public SealRegistration returnToUnit(Actor actor, UUID id, SealRegistrationRequests.Return request) {
        SealRegistration registration = requireSubmitted(access.decidedBy(actor, id));
        Problem.requireVersion("e-seal registration", request.version(), registration.version);
        registration.state = SealRegistrationState.RETURNED;
        registration.decidedAt = clock.instant();
        registration.decidedBy = actor.accountId();
        registration.decisionNote = request.reason().strip();
        audit.record(actor, new AuditTrail.Change("SEAL_REGISTRATION_RETURN", SUBJECT, registration.id,
                SealRegistrationState.SUBMITTED.name(), registration.state.name(), registration.decisionNote));
        return flushed(registration);
    }

    /** The standard-checked credit code and ID number of an application. */
    private record Checked(String creditCode, String handlerIdNumber) {
    }

    private Checked check(SealRegistrationRequests.Application request) {
        String creditCode;
        try {
            creditCode = CreditCode.parse(request.creditCode()).value();
        } catch (InvalidCreditCodeException e) {
            Problem problem = Problem.badRequest("INVALID_CREDIT_CODE", "Invalid unified social credit code",
                    e.getMessage()).withErrors(List.of(new Problem.FieldError("creditCode", e.getMessage())));
            throw e.expectedCheckCharacter() == null ? problem
                    : problem.with("expectedCheckCharacter", String.valueOf(e.expectedCheckCharacter()));
        }
        String idNumber;
        try {
            idNumber = IdNumber.parse(request.handlerIdNumber()).value();
        } catch (InvalidIdNumberException e) {
            throw Problem.badRequest("INVALID_ID_NUMBER", "Invalid ID number", e.getMessage())
                    .withErrors(List.of(new Problem.FieldError("handlerIdNumber", e.getMessage())));
        }
        return new Checked(creditCode, idNumber);
    }

    /** R24: NEW only while no seal is in force, CHANGE and CANCEL only while one is; the one in force, if any. */
    private static Optional<SealRegistration> requireBusinessFits(Unit unit, SealBusiness business) {
        Optional<SealRegistration> inForce = SealRegistration.activeFor(unit.id);
        if (business == SealBusiness.NEW && inForce.isPresent()) {
            throw Problem.rule("R24", 409, "SEAL_IN_FORCE", "A seal is in force",
                    unit.name + " has a registered e-seal (approved " + inForce.get().decidedAt
                            + "); apply for a CHANGE or a CANCEL instead.")
                    .with("registrationId", inForce.get().id);
        }
        if (business != SealBusiness.NEW && inForce.isEmpty()) {
            throw noSealInForce(unit);
        }
        return inForce;
    }

    private static Problem noSealInForce(Unit unit) {
        return Problem.rule("R24", 409, "NO_SEAL_IN_FORCE", "No seal in force",
                unit.name + " has no registered e-seal in force; a NEW registration comes first.");
    }

    private static SealRegistration requireSubmitted(SealRegistration registration) {
        if (registration.state != SealRegistrationState.SUBMITTED) {
            throw Problem.conflict("SEAL_REGISTRATION_NOT_SUBMITTED", "Not awaiting a decision",
                    "Only a submitted application is decided; this one is " + registration.state + ".");
        }
        return registration;
    }

    private static void fill(SealRegistration registration, SealRegistrationRequests.Application request,
            Checked checked, Optional<SealRegistration> inForce, Actor actor, Instant now) {
        registration.business = request.business();
        registration.unitName = request.unitName().strip();
        registration.legalRepresentative = request.legalRepresentative().strip();
        registration.creditCode = checked.creditCode();
        registration.handlerName = request.handlerName().strip();
        registration.handlerIdNumber = checked.handlerIdNumber();
        registration.handlerMobile = request.handlerMobile();
        registration.handlerPhone = blankToNull(request.handlerPhone());
        registration.address = request.address().strip();
        registration.declarationAcceptedAt = now;
        registration.replacesId = inForce.map(r -> r.id).orElse(null);
        registration.state = SealRegistrationState.SUBMITTED;
        registration.submittedAt = now;
        registration.submittedBy = actor.accountId();
    }

    private void retire(Actor actor, SealRegistration previous, SealRegistration by, Instant now) {
        previous.state = SealRegistrationState.RETIRED;
        previous.retiredAt = now;
        audit.record(actor, new AuditTrail.Change("SEAL_REGISTRATION_RETIRE", SUBJECT, previous.id,
                SealRegistrationState.APPROVED.name(), SealRegistrationState.RETIRED.name(),
                by.business + " " + by.id));
    }

    /** The approved image is what the unit's certificate PDFs print as its seal (the certificate function's view). */
    private void useAsCertificateSeal(Actor actor, SealRegistration registration, Instant now) {
        IssuerSealImage image = IssuerSealImage.findById(registration.unitId);
        String before = image == null ? null : "UPLOADED";
        if (image == null) {
            image = new IssuerSealImage();
            image.issuerId = registration.unitId;
        }
        image.imageKey = registration.imageKey;
        image.contentType = registration.imageContentType;
        image.size = registration.imageSize;
        image.sha256 = registration.imageSha256;
        image.uploadedBy = registration.submittedBy;
        image.uploadedAt = now;
        image.persist();
        audit.record(actor, new AuditTrail.Change("SEAL_IMAGE_UPLOADED", "ISSUER_SEAL", registration.unitId, before,
                "UPLOADED", "e-seal registration " + registration.id + ", SHA-256 " + registration.imageSha256));
    }

    /** Written now, so the view shows the version the client sends next. */
    private static SealRegistration flushed(SealRegistration registration) {
        SealRegistration.flush();
        return registration;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
