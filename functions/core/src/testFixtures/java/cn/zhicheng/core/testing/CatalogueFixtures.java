package cn.zhicheng.core.testing;

import cn.zhicheng.core.catalogue.FilingState;
import cn.zhicheng.core.catalogue.SealBusiness;
import cn.zhicheng.core.catalogue.SealRegistration;
import cn.zhicheng.core.catalogue.SealRegistrationState;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.certificate.IssuerKeys;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.core.unit.UnitKind;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * Self-evaluating units of the demo city (潍坊市, so the demo HR bureau decides for them), each with its own
 * sign-in, and the state the catalogue's approvals leave behind (an active filing, a seal in force) for tests of the
 * steps that come after them. The approvals themselves are tested through their routes.
 */
public final class CatalogueFixtures {

    /** A unit, its self-evaluating account, and that account as an actor. */
    public record SelfEvaluatingUnit(UUID unitId, String username, Actor actor) {
    }

    private CatalogueFixtures() {
    }

    /** A fresh self-evaluating unit in the demo city with one signed-in SELF_EVAL_UNIT account. */
    public static SelfEvaluatingUnit selfEvaluatingUnit() {
        return unit(true);
    }

    /** The demo self-evaluating unit, 潍坊学院 (sign-in {@code selfeval}). */
    public static SelfEvaluatingUnit demoUnit() {
        Actor actor = DemoUsers.actor("selfeval");
        return new SelfEvaluatingUnit(actor.unitId(), actor.username(), actor);
    }

    /** A fresh employer unit that is not self-evaluating, with a SELF_EVAL_UNIT account all the same (refusals). */
    public static SelfEvaluatingUnit ordinaryUnit() {
        return unit(false);
    }

    private static SelfEvaluatingUnit unit(boolean selfEvaluating) {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        SelfEvaluatingUnit unit = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Unit created = new Unit();
            created.id = UUID.randomUUID();
            created.code = "ZP" + suffix;
            created.name = "潍坊自主评聘单位 " + suffix;
            created.kind = UnitKind.EMPLOYER;
            created.region = "潍坊市";
            created.selfEvaluating = selfEvaluating;
            created.createdAt = now;
            created.persist();
            Account account = Account.create("zp-" + suffix.toLowerCase(Locale.ROOT), DemoUsers.PASSWORD,
                    "自主评聘" + suffix, Role.SELF_EVAL_UNIT, null, created.id, null, now);
            account.persist();
            return new SelfEvaluatingUnit(created.id, account.username, new Actor(account.id, account.username,
                    account.displayName, account.role, account.unitId, null, null));
        });
        TestCommittees.signIn(unit.username());
        return unit;
    }

    /** The HR bureau of another city, with one signed-in account: it sees nothing of the demo city's units. */
    public static String otherCityBureau() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String username = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Unit bureau = new Unit();
            bureau.id = UUID.randomUUID();
            bureau.code = "YT" + suffix;
            bureau.name = "烟台市人力资源和社会保障局 " + suffix;
            bureau.kind = UnitKind.HR_BUREAU;
            bureau.region = "烟台市";
            bureau.createdAt = now;
            bureau.persist();
            Account account = Account.create("yt-" + suffix.toLowerCase(Locale.ROOT), DemoUsers.PASSWORD,
                    "烟台人社" + suffix, Role.HR_BUREAU, null, bureau.id, null, now);
            account.persist();
            return account.username;
        });
        TestCommittees.signIn(username);
        return username;
    }

    /** An approved filing of the national series with this code, valid 3 years from {@code validFrom}. */
    public static UUID approvedFiling(SelfEvaluatingUnit unit, String seriesCode, LocalDate validFrom) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Unit bureau = Unit.<Unit>findById(unit.unitId()).cityHrBureau().orElseThrow();
            SeriesFiling filing = new SeriesFiling();
            filing.id = UUID.randomUUID();
            filing.unitId = unit.unitId();
            filing.hrBureauId = bureau.id;
            filing.seriesId = Series.findByCode(seriesCode).orElseThrow().id;
            filing.handlingOffice = "人事处";
            filing.contactName = "赵磊";
            filing.officePhone = "0536-8785000";
            filing.mobilePhone = "13805360000";
            filing.professionalCount = 120;
            filing.filingYear = validFrom.getYear();
            filing.firstEvaluationYear = validFrom.getYear() - 3;
            filing.evaluatedFirst = 5;
            filing.evaluatedSecond = 6;
            filing.evaluatedThird = 7;
            filing.state = FilingState.APPROVED;
            filing.submittedAt = now;
            filing.submittedBy = unit.actor().accountId();
            filing.decidedAt = now;
            filing.validFrom = validFrom;
            filing.validUntil = validFrom.plusYears(3).minusDays(1);
            filing.createdAt = now;
            filing.persist();
            return filing.id;
        });
    }

    /** The unit's e-seal registration in force, registering one if it has none (for units tests share). */
    public static UUID sealInForce(SelfEvaluatingUnit unit) {
        return QuarkusTransaction.requiringNew().call(() -> SealRegistration.activeFor(unit.unitId())
                .map(registration -> registration.id)).orElseGet(() -> registeredSeal(unit));
    }

    /** An approved NEW e-seal registration in force, and the unit's signing key it brings (R24). */
    public static UUID registeredSeal(SelfEvaluatingUnit unit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Unit issuer = Unit.findById(unit.unitId());
            SealRegistration registration = new SealRegistration();
            registration.id = UUID.randomUUID();
            registration.unitId = issuer.id;
            registration.hrBureauId = issuer.cityHrBureau().orElseThrow().id;
            registration.business = SealBusiness.NEW;
            registration.unitName = issuer.name;
            registration.legalRepresentative = "孙立";
            registration.creditCode = "91370700MA3C5JXK2L";
            registration.handlerName = "赵磊";
            registration.handlerIdNumber = "370702198807120013";
            registration.handlerMobile = "13805360000";
            registration.address = "潍坊市奎文区东风东街5147号";
            registration.declarationAcceptedAt = now;
            registration.state = SealRegistrationState.APPROVED;
            registration.submittedAt = now;
            registration.submittedBy = unit.actor().accountId();
            registration.decidedAt = now;
            registration.createdAt = now;
            registration.persist();
            registration.kid = Arc.container().instance(IssuerKeys.class).get().current(issuer).kid;
            return registration.id;
        });
    }
}
