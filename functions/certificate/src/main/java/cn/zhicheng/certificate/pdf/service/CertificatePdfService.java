package cn.zhicheng.certificate.pdf.service;

import cn.zhicheng.certificate.seal.service.IssuerSealService;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.VerifyLinks;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.person.Sex;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.storage.EvidenceStore;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The printable certificate (R27, R28) for its holder and its issuer. Only a standing certificate prints: a revoked
 * or superseded one would be a document that looks valid and is not.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CertificatePdfService {

    private final CertificatePdfRenderer renderer;
    private final IssuerSealService seals;
    private final EvidenceStore store;
    private final ZhichengConfig config;
    private final Clock clock;

    public CertificatePdfService(CertificatePdfRenderer renderer, IssuerSealService seals, EvidenceStore store,
            ZhichengConfig config, Clock clock) {
        this.renderer = renderer;
        this.seals = seals;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** A rendered certificate and the name it downloads under. */
    public record Pdf(String fileName, byte[] bytes) {
    }

    public Pdf render(Actor actor, UUID id) {
        Certificate certificate = Certificate.findById(id);
        boolean holder = certificate != null && actor.is(Role.APPLICANT)
                && certificate.personId.equals(actor.personId());
        boolean issuer = certificate != null && actor.is(Role.HR_BUREAU)
                && certificate.issuerId.equals(actor.unitId());
        if (!holder && !issuer) {
            throw Problem.notFound("CERTIFICATE_NOT_FOUND", "No certificate " + id + " is visible to you.");
        }
        CertificateStatus status = certificate.statusOn(LocalDate.now(clock.withZone(ClockProducer.CHINA)));
        if (status == CertificateStatus.REVOKED || status == CertificateStatus.SUPERSEDED) {
            throw Problem.conflict("CERTIFICATE_NOT_CURRENT", "Certificate not current",
                    "Certificate " + certificate.number + " is " + status + " and cannot be printed.")
                    .with("status", status);
        }
        return new Pdf(certificate.number + ".pdf", renderer.render(sheet(certificate, holder)));
    }

    /** The full ID number is printed for its owner only; the issuer's copy shows it masked like every other view. */
    private CertificateSheet sheet(Certificate c, boolean forHolder) {
        Person person = Person.findById(c.personId);
        Unit issuer = Unit.findById(c.issuerId);
        Sex sex = c.holderSex != null ? c.holderSex : person.sex;
        String specialty = c.seriesName + "（" + c.specialty + "）";
        String term = c.termStartsOn == null ? null : chinese(c.termStartsOn) + " 至 " + chinese(c.termEndsOn);
        byte[] photo = c.photoKey == null ? null : store.read(c.photoKey).orElse(null);
        byte[] seal = seals.imageOf(c.issuerId).map(IssuerSealService.Image::bytes).orElse(null);
        return new CertificateSheet(c.kind, c.holderName, sex == Sex.FEMALE ? "女" : "男",
                forHolder ? person.idNumber : IdNumber.mask(person.idNumber), specialty,
                c.practisedSpecialty != null ? c.practisedSpecialty : c.specialty, c.level.nameZh(), c.post, term,
                c.committeeName, c.publicationNumber, c.number, chinese(c.issuedOn), c.restriction(),
                photo, seal, issuer.name, VerifyLinks.page(config.publicBaseUrl()),
                VerifyLinks.of(config.publicBaseUrl(), c.payload));
    }

    private static String chinese(LocalDate date) {
        return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
