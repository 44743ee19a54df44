package cn.zhicheng.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class VerificationRouteTest {

    @Example
    void R4_diplomaDatabaseOnlyForGraduatesFrom2002() {
        assertFalse(VerificationRoute.DIPLOMA_DATABASE.verifiesDiploma(2001));
        assertTrue(VerificationRoute.DIPLOMA_DATABASE.verifiesDiploma(2002));
        assertEquals(List.of(VerificationRoute.ARCHIVE_REVIEW), VerificationRoute.forDiploma(2001));
        assertEquals(List.of(VerificationRoute.DIPLOMA_DATABASE, VerificationRoute.ARCHIVE_REVIEW),
                VerificationRoute.forDiploma(2002));
    }

    @Example
    void R4_degreeDatabaseOnlyForDegreesFrom1September2008() {
        assertFalse(VerificationRoute.DEGREE_DATABASE.verifiesDegree(LocalDate.of(2008, 8, 31)));
        assertTrue(VerificationRoute.DEGREE_DATABASE.verifiesDegree(LocalDate.of(2008, 9, 1)));
        assertEquals(List.of(VerificationRoute.ARCHIVE_REVIEW),
                VerificationRoute.forDegree(LocalDate.of(2008, 8, 31)));
        assertEquals(List.of(VerificationRoute.DEGREE_DATABASE, VerificationRoute.ARCHIVE_REVIEW),
                VerificationRoute.forDegree(LocalDate.of(2008, 9, 1)));
    }

    @Example
    void R4_unknownDatesCanOnlyBeVerifiedByArchiveReview() {
        assertEquals(List.of(VerificationRoute.ARCHIVE_REVIEW), VerificationRoute.forDiploma(null));
        assertEquals(List.of(VerificationRoute.ARCHIVE_REVIEW), VerificationRoute.forDegree(null));
    }

    @Property
    void R4_archiveReviewVerifiesEveryDiplomaAndTheDegreeDatabaseNone(@ForAll @IntRange(min = 1950, max = 2100)
            int year) {
        assertTrue(VerificationRoute.ARCHIVE_REVIEW.verifiesDiploma(year));
        assertFalse(VerificationRoute.DEGREE_DATABASE.verifiesDiploma(year));
        assertEquals(year >= 2002, VerificationRoute.DIPLOMA_DATABASE.verifiesDiploma(year));
    }

    @Provide
    Arbitrary<LocalDate> awardDays() {
        return Arbitraries.longs().between(LocalDate.of(1950, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31)
                .toEpochDay()).map(LocalDate::ofEpochDay);
    }

    @Property
    void R4_archiveReviewVerifiesEveryDegreeAndTheDiplomaDatabaseNone(@ForAll("awardDays") LocalDate awardedOn) {
        assertTrue(VerificationRoute.ARCHIVE_REVIEW.verifiesDegree(awardedOn));
        assertFalse(VerificationRoute.DIPLOMA_DATABASE.verifiesDegree(awardedOn));
        assertEquals(!awardedOn.isBefore(LocalDate.of(2008, 9, 1)),
                VerificationRoute.DEGREE_DATABASE.verifiesDegree(awardedOn));
    }

    @Property
    void R4_theListedRoutesAreExactlyTheOnesThatVerify(@ForAll @IntRange(min = 1950, max = 2100) int year,
            @ForAll("awardDays") LocalDate awardedOn) {
        for (VerificationRoute route : VerificationRoute.values()) {
            assertEquals(route.verifiesDiploma(year), VerificationRoute.forDiploma(year).contains(route));
            assertEquals(route.verifiesDegree(awardedOn), VerificationRoute.forDegree(awardedOn).contains(route));
        }
    }
}
