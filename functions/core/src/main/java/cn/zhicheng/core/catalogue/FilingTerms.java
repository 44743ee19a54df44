package cn.zhicheng.core.catalogue;

import java.time.LocalDate;

/** R22: the dates an approved filing runs by, the one place they are computed. */
public final class FilingTerms {

    private FilingTerms() {
    }

    /** The last valid day: the given number of years from approval, less a day. */
    public static LocalDate validUntil(LocalDate approvedOn, int years) {
        if (years < 1) {
            throw new IllegalArgumentException("a filing is valid at least a year, got " + years);
        }
        return approvedOn.plusYears(years).minusDays(1);
    }

    /**
     * The renewal's due date: the filing due date of the year the filing expires in, or the last valid day if that
     * comes first (a filing approved late in the year must not be renewed after it lapsed).
     */
    public static LocalDate renewalDue(LocalDate validUntil, LocalDate dueDateOfExpiryYear) {
        if (dueDateOfExpiryYear.getYear() != validUntil.getYear()) {
            throw new IllegalArgumentException("the due date " + dueDateOfExpiryYear + " is not of the expiry year "
                    + validUntil.getYear());
        }
        return dueDateOfExpiryYear.isBefore(validUntil) ? dueDateOfExpiryYear : validUntil;
    }
}
