package cn.zhicheng.catalogue.seal.mapping;

import cn.zhicheng.core.catalogue.SealBusiness;
import cn.zhicheng.core.catalogue.SealRegistration;
import cn.zhicheng.core.catalogue.SealRegistrationState;
import cn.zhicheng.core.person.IdNumber;
import java.time.Instant;
import java.util.UUID;

/** An e-seal registration as the unit and its bureau see it; the handler's ID number masked. */
public record SealRegistrationView(UUID id, UUID unitId, UUID hrBureauId, SealBusiness business, String unitName,
        String legalRepresentative, String creditCode, String handlerName, String handlerIdNumber,
        String handlerMobile, String handlerPhone, String address, boolean declarationAccepted,
        Instant declarationAcceptedAt, SealRegistrationState state, boolean hasImage, String imageContentType,
        Long imageSize, String kid, String decisionNote, Instant submittedAt, Instant decidedAt, UUID replacesId,
        Instant retiredAt, Instant createdAt, long version) {

    public static SealRegistrationView of(SealRegistration r) {
        return new SealRegistrationView(r.id, r.unitId, r.hrBureauId, r.business, r.unitName, r.legalRepresentative,
                r.creditCode, r.handlerName, IdNumber.mask(r.handlerIdNumber), r.handlerMobile, r.handlerPhone,
                r.address, r.declarationAcceptedAt != null, r.declarationAcceptedAt, r.state, r.imageKey != null,
                r.imageContentType, r.imageSize, r.kid, r.decisionNote, r.submittedAt, r.decidedAt, r.replacesId,
                r.retiredAt, r.createdAt, r.version);
    }
}
