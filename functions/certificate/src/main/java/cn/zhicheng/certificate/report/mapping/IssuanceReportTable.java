package cn.zhicheng.certificate.report.mapping;

import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.export.XlsxWriter;
import cn.zhicheng.core.export.XlsxWriter.Style;
import cn.zhicheng.core.person.Person;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** R29: the year's certificates of one issuer as the spreadsheet the issuer reports, one row per certificate. */
public final class IssuanceReportTable {

    private static final Object[] HEADINGS = {"序号", "证书编号", "证书类别", "姓名", "身份证号", "职称系列", "专业",
        "职称层级", "发证日期", "当前状态", "公布文号"};

    private IssuanceReportTable() {
    }

    public static byte[] xlsx(String issuerName, int year, List<Certificate> certificates, LocalDate today) {
        Map<UUID, Person> holders = certificates.isEmpty() ? Map.of()
                : Person.<Person>list("id in ?1", certificates.stream().map(c -> c.personId).distinct().toList())
                        .stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        XlsxWriter sheet = new XlsxWriter(year + "年度发证").widths(6, 18, 10, 10, 20, 14, 16, 8, 12, 12, 22);
        sheet.row(Style.TITLE, issuerName + " " + year + " 年度职称证书发放情况");
        sheet.merge(0, 0, 0, HEADINGS.length - 1);
        sheet.row(Style.HEADER, HEADINGS);
        int n = 0;
        for (Certificate c : certificates) {
            Person holder = holders.get(c.personId);
            sheet.row(Style.CELL, ++n, c.number, kind(c.kind), c.holderName,
                    holder == null ? "" : holder.maskedIdNumber(), c.seriesName, c.specialty, c.level.nameZh(),
                    c.issuedOn.toString(), status(c.statusOn(today)),
                    c.publicationNumber == null ? "" : c.publicationNumber);
        }
        return sheet.toBytes();
    }

    private static String kind(CertificateKind kind) {
        return kind == CertificateKind.APPOINTMENT ? "聘任证书" : "职称证书";
    }

    private static String status(CertificateStatus status) {
        return switch (status) {
            case VALID -> "有效";
            case REVOKED -> "已撤销";
            case SUPERSEDED -> "已补发替代";
            case EXPIRED -> "已过期";
        };
    }
}
