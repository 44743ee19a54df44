package cn.zhicheng.catalogue.publiccatalogue.mapping;

import cn.zhicheng.core.catalogue.SeriesFiling;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** R23: one active filing as the public catalogue shows it; the contact's mobile number is masked. */
public record CatalogueItem(UUID filingId, UUID unitId, String unitName, String city, UUID seriesId,
        String seriesCode, String seriesName, String specialty, String handlingOffice, String contactName,
        String officePhone, String mobilePhone, int professionalCount, List<Evaluation> evaluations,
        LocalDate validFrom, LocalDate validUntil) {

    /** The evaluations of one of the 3 years before the filing year. */
    public record Evaluation(int year, int count) {
    }

    public static CatalogueItem of(SeriesFiling f, String unitName, String city, String seriesCode,
            String seriesName) {
        int first = f.firstEvaluationYear;
        return new CatalogueItem(f.id, f.unitId, unitName, city, f.seriesId, seriesCode, seriesName, f.specialty,
                f.handlingOffice, f.contactName, f.officePhone, maskMobile(f.mobilePhone), f.professionalCount,
                List.of(new Evaluation(first, f.evaluatedFirst), new Evaluation(first + 1, f.evaluatedSecond),
                        new Evaluation(first + 2, f.evaluatedThird)), f.validFrom, f.validUntil);
    }

    /** {@code 13512341234} → {@code 135****1234}; anything unexpected is masked whole. */
    static String maskMobile(String mobile) {
        if (mobile == null || !mobile.matches("\\d{11}")) {
            return "***********";
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }

    /** The series with the specialty filed, as the sheet's 评聘职称系列（专业） column shows it. */
    public String seriesWithSpecialty() {
        return specialty == null ? seriesName : seriesName + "（" + specialty + "）";
    }
}
