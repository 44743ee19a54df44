package cn.zhicheng.core.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.zhicheng.core.person.Sex;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.unit.Unit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The signed claims of docs/certificates.md: short names, absent ones left out, the ID number masked (R27, R30). */
class CertificateClaimsTest {

    private static final String ID_NUMBER = "370702199003151230";

    @Test
    void R27_aTitleCertificateSignsItsPrintedFieldsAndOnlyTheMaskedId() {
        Certificate title = certificate(CertificateKind.TITLE);
        Map<String, Object> claims = CertificateIssuer.claims(title, ID_NUMBER, issuer(), null);
        assertEquals(List.of("v", "knd", "num", "name", "idm", "sex", "ser", "spe", "lvl", "com", "pub", "iss", "isn",
                "iat"), List.copyOf(claims.keySet()));
        assertEquals(2, claims.get("v"));
        assertEquals("T", claims.get("knd"));
        assertEquals("3707**********1230", claims.get("idm"));
        assertEquals("M", claims.get("sex"));
        assertEquals("2026-11-23", claims.get("iat"));
        assertFalse(claims.toString().contains(ID_NUMBER), "the full ID number is never signed");
    }

    @Test
    void R27_theSpecialtyPractisedIsSignedOnlyWhenItDiffers() {
        Certificate title = certificate(CertificateKind.TITLE);
        title.practisedSpecialty = "输变电工程";
        assertEquals("输变电工程", CertificateIssuer.claims(title, ID_NUMBER, issuer(), null).get("prs"));
    }

    @Test
    void R27_anAppointmentCertificateSignsItsPostAndTerm() {
        Certificate appointment = certificate(CertificateKind.APPOINTMENT);
        appointment.post = "副教授";
        appointment.termStartsOn = LocalDate.of(2026, 9, 1);
        appointment.termEndsOn = LocalDate.of(2029, 8, 31);
        appointment.holderSex = Sex.FEMALE;
        Map<String, Object> claims = CertificateIssuer.claims(appointment, ID_NUMBER, issuer(), null);
        assertEquals("A", claims.get("knd"));
        assertEquals("副教授", claims.get("pst"));
        assertEquals("2026-09-01", claims.get("tfr"));
        assertEquals("2029-08-31", claims.get("tto"));
        assertEquals("F", claims.get("sex"));
    }

    @Test
    void R30_aGrassrootsCertificateSignsTheRestriction() {
        Certificate title = certificate(CertificateKind.TITLE);
        title.grassroots = true;
        assertEquals("GRASSROOTS", CertificateIssuer.claims(title, ID_NUMBER, issuer(), null).get("rst"));
    }

    @Test
    void R29_aReissueNamesTheNumberItSupersedes() {
        Certificate old = certificate(CertificateKind.TITLE);
        Certificate reissue = certificate(CertificateKind.TITLE);
        reissue.number = CertificateNumber.of("WFHRSS", 2026, 2).value();
        assertEquals(old.number, CertificateIssuer.claims(reissue, ID_NUMBER, issuer(), old).get("rei"));
    }

    private static Certificate certificate(CertificateKind kind) {
        Certificate c = new Certificate();
        c.kind = kind;
        c.number = CertificateNumber.of("WFHRSS", 2026, 1).value();
        c.holderName = "张伟";
        c.holderSex = Sex.MALE;
        c.seriesName = "工程技术";
        c.specialty = "电气工程";
        c.practisedSpecialty = "电气工程";
        c.level = TitleLevel.INTERMEDIATE;
        c.committeeName = "潍坊市工程技术中级评审委员会";
        c.publicationNumber = "潍人社字〔2026〕12号";
        c.issuedOn = LocalDate.of(2026, 11, 23);
        return c;
    }

    private static Unit issuer() {
        Unit unit = new Unit();
        unit.id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        unit.code = "WFHRSS";
        unit.name = "潍坊市人力资源和社会保障局";
        return unit;
    }
}
