package cn.zhicheng.core.application;

/** Whose document an evidence item is: the applicant's, or one the unit attaches to its recommendation (R7). */
public enum EvidenceKind {
    APPLICANT,
    /** 六公开监督卡 (000 附件3). */
    SUPERVISION_CARD,
    /** 专家评议表 (000 附件4). */
    APPRAISAL_FORM,
    /** 公示情况 (000 附件5). */
    PUBLICITY_RECORD;

    public boolean byUnit() {
        return this != APPLICANT;
    }
}
