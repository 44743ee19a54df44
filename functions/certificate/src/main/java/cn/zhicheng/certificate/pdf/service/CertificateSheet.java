package cn.zhicheng.certificate.pdf.service;

import cn.zhicheng.core.certificate.CertificateKind;

/**
 * What a printed certificate shows (R27, R30), already worded; null fields are left out. {@code photo} and
 * {@code sealImage} are JPEG or PNG bytes, or null for the framed 照片 box and the drawn seal.
 */
public record CertificateSheet(CertificateKind kind, String holderName, String sex, String idNumber, String series,
        String practisedSpecialty, String level, String post, String term, String committeeName,
        String publicationNumber, String number, String issuedOn, String restriction, byte[] photo,
        byte[] sealImage, String issuerName, String queryAddress, String verifyUrl) {
}
