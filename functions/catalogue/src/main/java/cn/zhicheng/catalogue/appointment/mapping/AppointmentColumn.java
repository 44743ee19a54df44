package cn.zhicheng.catalogue.appointment.mapping;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the appointment template (职称自主评聘单位人员评聘信息采集表, 附件4), in their order, with the exact
 * Chinese headers of docs/catalogue.md, the JSON field each one is, and its length limit (0: not text).
 */
public enum AppointmentColumn {
    NAME("姓名", "name", 100),
    ID_NUMBER("身份证号", "idNumber", 0),
    SEX("性别", "sex", 0),
    SERIES("职称系列", "seriesId", 0),
    SPECIALTY("专业", "specialty", 100),
    PRACTISED_SPECIALTY("从事专业", "practisedSpecialty", 100),
    LEVEL("职称层级", "level", 0),
    POST("评聘岗位", "post", 100),
    APPOINTED_ON("聘用日期", "appointedOn", 0),
    TERM_STARTS_ON("聘期起始日期", "termStartsOn", 0),
    TERM_ENDS_ON("聘期截止日期", "termEndsOn", 0),
    COMMITTEE_NAME("评聘委员会名称", "committeeName", 200),
    PUBLICATION_NUMBER("公布文号", "publicationNumber", 100),
    REPORTED_ON("报人事综合管理部门备案日期", "reportedOn", 0),
    REPORT_REFERENCE("备案文号", "reportReference", 100);

    private final String header;
    private final String field;
    private final int maxLength;

    AppointmentColumn(String header, String field, int maxLength) {
        this.header = header;
        this.field = field;
        this.maxLength = maxLength;
    }

    public String header() {
        return header;
    }

    public String field() {
        return field;
    }

    public int maxLength() {
        return maxLength;
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(AppointmentColumn::header).toList();
    }
}
