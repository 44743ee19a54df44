package cn.zhicheng.core.application;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** How the unit verified a diploma or degree number (R4), and which record each route can verify. */
public enum VerificationRoute {
    /** 学信网: graduates of 2002 or later. */
    DIPLOMA_DATABASE,
    /** 学位网: degrees awarded from 2008-09-01 on. */
    DEGREE_DATABASE,
    /** 档案审核: older or unverifiable records, by an archive review statement. */
    ARCHIVE_REVIEW;

    /** R4: the national diploma database holds graduates from this year on. */
    public static final int DIPLOMA_DATABASE_FIRST_YEAR = 2002;
    /** R4: the national degree database holds degrees awarded from this day on. */
    public static final LocalDate DEGREE_DATABASE_FIRST_DAY = LocalDate.of(2008, 9, 1);

    /**
     * R4: whether this route can verify the diploma of a graduate of the year. An unknown year (an application
     * drafted before the year was asked for) can only be verified by archive review.
     */
    public boolean verifiesDiploma(Integer graduationYear) {
        return switch (this) {
            case DIPLOMA_DATABASE -> graduationYear != null && graduationYear >= DIPLOMA_DATABASE_FIRST_YEAR;
            case DEGREE_DATABASE -> false;
            case ARCHIVE_REVIEW -> true;
        };
    }

    /** R4: whether this route can verify a degree awarded on the day; an unknown day only by archive review. */
    public boolean verifiesDegree(LocalDate awardedOn) {
        return switch (this) {
            case DIPLOMA_DATABASE -> false;
            case DEGREE_DATABASE -> awardedOn != null && !awardedOn.isBefore(DEGREE_DATABASE_FIRST_DAY);
            case ARCHIVE_REVIEW -> true;
        };
    }

    /** The routes that can verify the diploma of a graduate of the year, the database first where it applies. */
    public static List<VerificationRoute> forDiploma(Integer graduationYear) {
        return Arrays.stream(values()).filter(r -> r.verifiesDiploma(graduationYear)).toList();
    }

    /** The routes that can verify a degree awarded on the day, the database first where it applies. */
    public static List<VerificationRoute> forDegree(LocalDate awardedOn) {
        return Arrays.stream(values()).filter(r -> r.verifiesDegree(awardedOn)).toList();
    }
}
