package cn.zhicheng.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.identity.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The state machine table against DESIGN.md's diagram. */
class ApplicationTransitionTest {

    @Test
    void theCommitteeRouteRunsFromDraftToCertified() {
        List<ApplicationTransition> path = List.of(ApplicationTransition.SUBMIT, ApplicationTransition.UNIT_REVIEW,
                ApplicationTransition.RECOMMEND, ApplicationTransition.VET, ApplicationTransition.ACCEPT,
                ApplicationTransition.START_REVIEW, ApplicationTransition.PASS, ApplicationTransition.PUBLISH_RESULT,
                ApplicationTransition.FILE, ApplicationTransition.CERTIFY);
        ApplicationState state = ApplicationState.DRAFT;
        for (ApplicationTransition step : path) {
            assertTrue(step.leavesFrom(state), step + " from " + state);
            state = step.to();
        }
        assertEquals(ApplicationState.CERTIFIED, state);
    }

    @Test
    void R5_onlyADraftCanBeSubmitted() {
        for (ApplicationState state : ApplicationState.values()) {
            assertEquals(state == ApplicationState.DRAFT, ApplicationTransition.SUBMIT.leavesFrom(state), state.name());
        }
    }

    @Test
    void R8_onlyAVettedApplicationCanBeAccepted() {
        assertEquals(Set.of(ApplicationState.VETTED), ApplicationTransition.ACCEPT.from());
        assertEquals(Role.COMMITTEE_OFFICE, ApplicationTransition.ACCEPT.role());
        assertEquals(Set.of(ApplicationState.RECOMMENDED), ApplicationTransition.VET.from());
        assertEquals(Role.HR_BUREAU, ApplicationTransition.VET.role());
    }

    @Test
    void theApplicantMayWithdrawOnlyBeforeAcceptance() {
        EnumSet<ApplicationState> before = EnumSet.range(ApplicationState.DRAFT, ApplicationState.VETTED);
        for (ApplicationState state : ApplicationState.values()) {
            assertEquals(before.contains(state), ApplicationTransition.WITHDRAW.leavesFrom(state), state.name());
        }
    }

    @Test
    void R20_fraudVoidsAnythingBeforeCertificationAndRevokesACertifiedTitle() {
        for (ApplicationState state : EnumSet.range(ApplicationState.DRAFT, ApplicationState.FILED)) {
            assertTrue(ApplicationTransition.VOID_FOR_FRAUD.leavesFrom(state), state.name());
        }
        assertFalse(ApplicationTransition.VOID_FOR_FRAUD.leavesFrom(ApplicationState.CERTIFIED));
        assertEquals(Set.of(ApplicationState.CERTIFIED), ApplicationTransition.REVOKE.from());
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationState.class, names = {"WITHDRAWN", "VOID", "REVOKED"})
    void noTransitionLeavesAFinalState(ApplicationState state) {
        assertTrue(state.isFinal());
        for (Role role : Role.values()) {
            assertTrue(ApplicationStateMachine.available(state, role).isEmpty(), state + " " + role);
        }
    }

    @Test
    void R20_aFailedApplicationCanOnlyBeVoidedForFraud() {
        assertTrue(java.util.Arrays.stream(ApplicationTransition.values())
                .filter(t -> t.leavesFrom(ApplicationState.FAILED))
                .allMatch(t -> t == ApplicationTransition.VOID_FOR_FRAUD));
        assertFalse(ApplicationState.FAILED.isFinal());
    }

    @Test
    void eachRoleSeesOnlyItsOwnNextSteps() {
        assertEquals(List.of(ApplicationTransition.SUBMIT, ApplicationTransition.WITHDRAW),
                ApplicationStateMachine.available(ApplicationState.DRAFT, Role.APPLICANT));
        assertEquals(List.of(ApplicationTransition.RETURN, ApplicationTransition.UNIT_REVIEW),
                ApplicationStateMachine.available(ApplicationState.SUBMITTED, Role.UNIT_HR));
        assertTrue(ApplicationStateMachine.available(ApplicationState.SUBMITTED, Role.COMMITTEE_OFFICE).isEmpty());
    }

    @Test
    void R20_onlyTheHrBureauConfirmsFraudAndRevokes() {
        assertEquals(List.of(ApplicationTransition.VOID_FOR_FRAUD),
                ApplicationStateMachine.available(ApplicationState.SUBMITTED, Role.HR_BUREAU));
        assertEquals(List.of(ApplicationTransition.REVOKE),
                ApplicationStateMachine.available(ApplicationState.CERTIFIED, Role.HR_BUREAU));
        for (Role role : Role.values()) {
            if (role != Role.HR_BUREAU) {
                assertFalse(ApplicationStateMachine.available(ApplicationState.ACCEPTED, role)
                        .contains(ApplicationTransition.VOID_FOR_FRAUD), role.name());
            }
        }
    }
}
