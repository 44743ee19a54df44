package cn.zhicheng.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.problem.Problem;
import java.time.LocalDate;
import java.time.MonthDay;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** R22: a filing's validity, its renewal's due date and the steps it may take. */
class FilingTermsTest {

    private static final MonthDay END_OF_APRIL = MonthDay.of(4, 30);

    @Provide
    Arbitrary<LocalDate> days() {
        // leap days and year ends included
        return Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31)
                .toEpochDay()).map(LocalDate::ofEpochDay);
    }

    @Test
    void R22_anApprovedFilingIsValidForThreeYearsLessADay() {
        assertEquals(LocalDate.of(2029, 3, 9), FilingTerms.validUntil(LocalDate.of(2026, 3, 10), 3));
        // a filing approved on a leap day runs to the day before the 28th of February three years on
        assertEquals(LocalDate.of(2031, 2, 27), FilingTerms.validUntil(LocalDate.of(2028, 2, 29), 3));
    }

    @Property(tries = 2000)
    void R22_theValidityEndsTheDayBeforeTheSameDayThreeYearsOn(@ForAll("days") LocalDate approvedOn) {
        LocalDate until = FilingTerms.validUntil(approvedOn, 3);
        assertEquals(approvedOn.plusYears(3), until.plusDays(1));
        assertTrue(until.isAfter(approvedOn.plusYears(2).plusDays(363)), until + " is short of 3 years");
    }

    @Test
    void R22_theRenewalIsDueByTheEndOfAprilOfTheExpiryYear() {
        LocalDate until = FilingTerms.validUntil(LocalDate.of(2026, 9, 15), 3);
        assertEquals(LocalDate.of(2029, 4, 30), FilingTerms.renewalDue(until, END_OF_APRIL.atYear(2029)));
        // expiring before the end of April: due on the last valid day
        LocalDate early = FilingTerms.validUntil(LocalDate.of(2026, 3, 10), 3);
        assertEquals(early, FilingTerms.renewalDue(early, END_OF_APRIL.atYear(2029)));
    }

    @Property(tries = 2000)
    void R22_theRenewalIsNeverDueAfterTheExpiryNorInAnotherYear(@ForAll("days") LocalDate approvedOn) {
        LocalDate until = FilingTerms.validUntil(approvedOn, 3);
        LocalDate due = FilingTerms.renewalDue(until, END_OF_APRIL.atYear(until.getYear()));
        assertTrue(!due.isAfter(until), due + " after " + until);
        assertEquals(until.getYear(), due.getYear());
        assertTrue(due.equals(until) || due.equals(END_OF_APRIL.atYear(until.getYear())), due.toString());
    }

    @Test
    void aDueDateOfAnotherYearIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> FilingTerms.renewalDue(LocalDate.of(2029, 5, 1), LocalDate.of(2028, 4, 30)));
    }

    @Test
    void R22_aStepFromTheWrongStateIsRefusedWithTheStateItNeeds() {
        SeriesFiling filing = new SeriesFiling();
        filing.state = FilingState.RETURNED;
        Problem refused = assertThrows(Problem.class, () -> FilingTransition.APPROVE.apply(filing));
        assertEquals("FILING_NOT_SUBMITTED", refused.code());
        assertEquals(409, refused.status());
        assertEquals(FilingState.RETURNED, filing.state);
        assertEquals(FilingState.RETURNED, FilingTransition.CORRECT.apply(filing));
        assertEquals(FilingState.SUBMITTED, filing.state);
        filing.state = FilingState.EXPIRED;
        assertEquals("FILING_NOT_APPROVED",
                assertThrows(Problem.class, () -> FilingTransition.CANCEL.apply(filing)).code());
    }
}
