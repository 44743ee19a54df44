package cn.zhicheng.core.unit;

/** The phone numbers the notices' forms ask for (附件1, 附件3), as constants bean validation can name. */
public final class PhoneNumbers {

    /** A mainland mobile number: 11 digits starting with 1. */
    public static final String MOBILE = "1\\d{10}";
    public static final String MOBILE_MESSAGE = "must be 11 digits starting with 1";
    /** A fixed-line number: digits with an optional area code joined by '-', 7 to 20 characters. */
    public static final String LANDLINE = "\\d[\\d-]{5,18}\\d";
    public static final String LANDLINE_MESSAGE =
            "must be digits with an optional area code and '-', 7 to 20 characters";

    private PhoneNumbers() {
    }
}
