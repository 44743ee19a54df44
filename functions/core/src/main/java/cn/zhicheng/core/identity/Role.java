package cn.zhicheng.core.identity;

/** A user's role; carried as the single Cognito group of the token. */
public enum Role {
    APPLICANT,
    UNIT_HR,
    HR_BUREAU,
    COMMITTEE_OFFICE,
    EXPERT,
    SELF_EVAL_UNIT;

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final class Names {
        public static final String APPLICANT = "APPLICANT";
        public static final String UNIT_HR = "UNIT_HR";
        public static final String HR_BUREAU = "HR_BUREAU";
        public static final String COMMITTEE_OFFICE = "COMMITTEE_OFFICE";
        public static final String EXPERT = "EXPERT";
        public static final String SELF_EVAL_UNIT = "SELF_EVAL_UNIT";

        private Names() {
        }
    }
}
