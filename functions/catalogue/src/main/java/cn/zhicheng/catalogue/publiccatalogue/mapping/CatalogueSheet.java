package cn.zhicheng.catalogue.publiccatalogue.mapping;

import cn.zhicheng.core.export.XlsxWriter;
import cn.zhicheng.core.export.XlsxWriter.Style;
import java.time.LocalDate;
import java.util.List;

/**
 * R23: the public catalogue as a spreadsheet in the layout of 附件1 (自主评聘职称系列（专业）申请表): a title, the day it
 * was made, a two-row header whose 近3年职称评聘人数 spans the three years, and one row per active filing.
 */
public final class CatalogueSheet {

    public static final String TITLE = "自主评聘职称系列（专业）目录清单";
    private static final String[] HEADINGS = {"序号", "自主评聘单位", "所在城市", "评聘职称系列（专业）", "办事机构及联系方式",
        "该系列（专业）人才数量", "近3年职称评聘人数", null, null, "有效期"};
    private static final String[] YEARS = {"前第3年", "前第2年", "前第1年"};
    private static final int EVALUATIONS = 6;
    private static final int LAST = HEADINGS.length - 1;

    private CatalogueSheet() {
    }

    public static byte[] xlsx(List<CatalogueItem> items, LocalDate madeOn) {
        XlsxWriter sheet = new XlsxWriter("目录清单").widths(6, 28, 10, 22, 36, 12, 12, 12, 12, 24);
        sheet.row(Style.TITLE, TITLE);
        sheet.merge(0, 0, 0, LAST);
        sheet.row(Style.TEXT, "制表日期：" + madeOn);
        sheet.merge(1, 0, 1, LAST);
        sheet.row(Style.HEADER, (Object[]) HEADINGS);
        Object[] second = new Object[HEADINGS.length];
        System.arraycopy(YEARS, 0, second, EVALUATIONS, YEARS.length);
        sheet.row(Style.HEADER, second);
        for (int column = 0; column < HEADINGS.length; column++) {
            if (column < EVALUATIONS || column == LAST) {
                sheet.merge(2, column, 3, column);
            }
        }
        sheet.merge(2, EVALUATIONS, 2, EVALUATIONS + YEARS.length - 1);
        int n = 0;
        for (CatalogueItem item : items) {
            List<CatalogueItem.Evaluation> e = item.evaluations();
            sheet.row(Style.CELL, ++n, item.unitName(), item.city(), item.seriesWithSpecialty(),
                    item.handlingOffice() + "；联系人：" + item.contactName() + "；电话：" + item.officePhone(),
                    item.professionalCount(), year(e.get(0)), year(e.get(1)), year(e.get(2)),
                    item.validFrom() + " 至 " + item.validUntil());
        }
        return sheet.toBytes();
    }

    private static String year(CatalogueItem.Evaluation evaluation) {
        return evaluation.year() + "年：" + evaluation.count();
    }
}
