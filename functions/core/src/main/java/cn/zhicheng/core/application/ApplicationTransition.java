package cn.zhicheng.core.application;

import static cn.zhicheng.core.application.ApplicationState.ACCEPTED;
import static cn.zhicheng.core.application.ApplicationState.CERTIFIED;
import static cn.zhicheng.core.application.ApplicationState.DRAFT;
import static cn.zhicheng.core.application.ApplicationState.FAILED;
import static cn.zhicheng.core.application.ApplicationState.FILED;
import static cn.zhicheng.core.application.ApplicationState.PASSED;
import static cn.zhicheng.core.application.ApplicationState.RECOMMENDED;
import static cn.zhicheng.core.application.ApplicationState.RESULT_PUBLICITY;
import static cn.zhicheng.core.application.ApplicationState.REVOKED;
import static cn.zhicheng.core.application.ApplicationState.SUBMITTED;
import static cn.zhicheng.core.application.ApplicationState.UNDER_REVIEW;
import static cn.zhicheng.core.application.ApplicationState.UNIT_PUBLICITY;
import static cn.zhicheng.core.application.ApplicationState.VETTED;
import static cn.zhicheng.core.application.ApplicationState.VOID;
import static cn.zhicheng.core.application.ApplicationState.WITHDRAWN;

import cn.zhicheng.core.identity.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every transition of the application state machine (DESIGN.md), with the states it leaves from, the state it
 * enters and the role that may make it. This table is the only definition of what may follow what.
 */
public enum ApplicationTransition {
    /** R5: the applicant signs the integrity pledge and submits. */
    SUBMIT(EnumSet.of(DRAFT), SUBMITTED, Role.APPLICANT),
    /** The applicant may withdraw before the committee accepts. */
    WITHDRAW(EnumSet.of(DRAFT, SUBMITTED, UNIT_PUBLICITY, RECOMMENDED, VETTED), WITHDRAWN, Role.APPLICANT),
    /** R6: the unit returns the application to the applicant with a reason. */
    RETURN(EnumSet.of(SUBMITTED, UNIT_PUBLICITY), DRAFT, Role.UNIT_HR),
    /** R6, R7: first review passed; the unit publicity starts. */
    UNIT_REVIEW(EnumSet.of(SUBMITTED), UNIT_PUBLICITY, Role.UNIT_HR),
    /** R5, R7: recommendation with the unit's pledge after the publicity. */
    RECOMMEND(EnumSet.of(UNIT_PUBLICITY), RECOMMENDED, Role.UNIT_HR),
    /** R8: the HR bureau or competent department vets. */
    VET(EnumSet.of(RECOMMENDED), VETTED, Role.HR_BUREAU),
    /** R1, R8: the committee office accepts into review. */
    ACCEPT(EnumSet.of(VETTED), ACCEPTED, Role.COMMITTEE_OFFICE),
    START_REVIEW(EnumSet.of(ACCEPTED), UNDER_REVIEW, Role.COMMITTEE_OFFICE),
    PASS(EnumSet.of(UNDER_REVIEW), PASSED, Role.COMMITTEE_OFFICE),
    FAIL(EnumSet.of(UNDER_REVIEW), FAILED, Role.COMMITTEE_OFFICE),
    /** R14, R15: approved results go to public notice. */
    PUBLISH_RESULT(EnumSet.of(PASSED), RESULT_PUBLICITY, Role.HR_BUREAU),
    /** R15: an objection to the result upheld in the notice period: the application does not pass after all. */
    UPHOLD_RESULT_OBJECTION(EnumSet.of(RESULT_PUBLICITY), FAILED, Role.HR_BUREAU),
    /** R16: approval filing. */
    FILE(EnumSet.of(RESULT_PUBLICITY), FILED, Role.HR_BUREAU),
    /** R28: the certificate is issued. */
    CERTIFY(EnumSet.of(FILED), CERTIFIED, Role.HR_BUREAU),
    /**
     * R20: fraud confirmed before certification voids the application (一票否决). The HR bureau confirms fraud, as
     * it is the one that bars the person and revokes titles (decision 0012).
     */
    VOID_FOR_FRAUD(EnumSet.of(DRAFT, SUBMITTED, UNIT_PUBLICITY, RECOMMENDED, VETTED, ACCEPTED, UNDER_REVIEW, PASSED,
            FAILED, RESULT_PUBLICITY, FILED), VOID, Role.HR_BUREAU),
    /** R20, R31: fraud or forgery after certification revokes the title. */
    REVOKE(EnumSet.of(CERTIFIED), REVOKED, Role.HR_BUREAU);

    private final Set<ApplicationState> from;
    private final ApplicationState to;
    private final Role role;

    ApplicationTransition(Set<ApplicationState> from, ApplicationState to, Role role) {
        this.from = from;
        this.to = to;
        this.role = role;
    }

    public boolean leavesFrom(ApplicationState state) {
        return from.contains(state);
    }

    public ApplicationState to() {
        return to;
    }

    public Role role() {
        return role;
    }

    public Set<ApplicationState> from() {
        return from;
    }
}
