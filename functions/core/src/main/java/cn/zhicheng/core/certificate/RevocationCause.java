package cn.zhicheng.core.certificate;

/** Why a certificate was revoked; the public is told the cause and date, not the free-text reason. */
public enum RevocationCause {
    /** R20: fraud confirmed after a spot check. */
    FRAUD("R20"),
    /** R31: a proven report of forgery, alteration or misuse. */
    MISUSE("R31"),
    /** The issuer corrects its own error. */
    CORRECTION(null);

    private final String rule;

    RevocationCause(String rule) {
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
