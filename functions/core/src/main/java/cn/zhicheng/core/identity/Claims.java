package cn.zhicheng.core.identity;

/** Token claim names, as a Cognito user pool with groups and custom attributes issues them. */
public final class Claims {

    public static final String USERNAME = "cognito:username";
    public static final String GROUPS = "cognito:groups";
    public static final String NAME = "name";
    public static final String UNIT_ID = "custom:unit_id";
    public static final String PERSON_ID = "custom:person_id";
    public static final String COMMITTEE_ID = "custom:committee_id";

    private Claims() {
    }
}
