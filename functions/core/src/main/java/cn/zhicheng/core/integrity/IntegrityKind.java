package cn.zhicheng.core.integrity;

/** What an integrity record is for, and the rule that puts it there. */
public enum IntegrityKind {
    /** R20: fraud confirmed on an application; the person is barred from applying. */
    FRAUD("R20"),
    /** R21: a unit or department gave false proof; it is named and its responsible professional barred. */
    FALSE_PROOF("R21"),
    /** R31: a certificate forged, altered or misused. */
    CERTIFICATE_MISUSE("R31");

    private final String rule;

    IntegrityKind(String rule) {
        this.rule = rule;
    }

    /** The rule of RULES.md the record rests on, cited by its views and by the refusals it causes. */
    public String rule() {
        return rule;
    }
}
