package cn.zhicheng.spotcheck.integrity.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.integrity.IntegrityKind;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.spotcheck.SampleOutcome;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.spotcheck.finding.service.Samples;
import cn.zhicheng.spotcheck.integrity.rest.IntegrityRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * R20, R21: the HR bureau confirms the fraud the office suspected. In one transaction: the application is void
 * (or its title revoked with its certificate), the person is barred, the record entered and, if a unit gave false
 * proof, the unit named and its responsible professional barred for the same period.
 */
@ApplicationScoped
@Transactional
public class FraudService {

    private final Samples samples;
    private final IntegrityRecords records;
    private final ApplicationStateMachine stateMachine;
    private final AuditTrail audit;

    public FraudService(Samples samples, IntegrityRecords records, ApplicationStateMachine stateMachine,
            AuditTrail audit) {
        this.samples = samples;
        this.records = records;
        this.stateMachine = stateMachine;
        this.audit = audit;
    }

    public SampledApplication confirm(Actor actor, UUID drawId, UUID applicationId,
            IntegrityRequests.FraudConfirmation request) {
        SpotCheck draw = samples.drawForBureau(actor, drawId);
        SampledApplication sample = samples.sampleLocked(draw, applicationId);
        if (sample.outcome != SampleOutcome.FRAUD_SUSPECTED) {
            throw Problem.rule("R20", 409, "NOT_FRAUD_SUSPECTED", "Fraud not suspected",
                    "Fraud is confirmed on an application the office concluded FRAUD_SUSPECTED; this one is "
                            + (sample.outcome == null ? "not concluded" : sample.outcome) + ".");
        }
        String reason = request.reason().trim();
        IntegrityRequests.FalseProof falseProof = request.falseProof();
        Unit unit = null;
        Person responsible = null;
        if (falseProof != null) {
            unit = Unit.findById(falseProof.unitId());
            if (unit == null) {
                throw Problem.rule("R21", 422, "UNIT_NOT_FOUND", "Unit not known",
                        "No unit " + falseProof.unitId() + " is registered.");
            }
            responsible = records.person(falseProof.responsibleIdNumber(), falseProof.responsibleName(),
                    "falseProof.responsibleIdNumber");
        }
        Application application = Application.findById(applicationId);
        Person applicant = Person.findById(application.applicantId);
        Certificate certificate = null;
        if (application.state() == ApplicationState.CERTIFIED) {
            // R20: a title already obtained is revoked and its certificate marked revoked
            certificate = Certificate.currentForApplication(application.id).orElse(null);
            if (certificate != null) {
                records.revoke(actor, certificate, RevocationCause.FRAUD, "R20 fraud confirmed: " + reason);
            } else {
                stateMachine.apply(application, ApplicationTransition.REVOKE, actor, "R20 fraud confirmed: " + reason);
            }
        } else {
            // R20: 一票否决, the application is void
            stateMachine.apply(application, ApplicationTransition.VOID_FOR_FRAUD, actor, reason);
        }
        records.enter(actor, new IntegrityRecords.Entry(IntegrityKind.FRAUD, applicant.id, applicant.name, null,
                application.id, certificate == null ? null : certificate.id, drawId, null, reason, true));
        if (falseProof != null) {
            // R21: the unit is named and its responsible professional barred for the same period
            records.enter(actor, new IntegrityRecords.Entry(IntegrityKind.FALSE_PROOF, responsible.id,
                    falseProof.responsibleName().trim(), unit.id, application.id, null, drawId, null,
                    unit.name + " gave false proof: " + reason, true));
        }
        sample.outcome = SampleOutcome.FRAUD_CONFIRMED;
        audit.record(actor, new AuditTrail.Change("FRAUD_CONFIRM", Samples.SUBJECT, drawId,
                SampleOutcome.FRAUD_SUSPECTED.name(), SampleOutcome.FRAUD_CONFIRMED.name(),
                "application " + applicationId + (unit == null ? "" : ", false proof by " + unit.name) + ": "
                        + reason));
        SampledApplication.flush();
        return sample;
    }
}
