package cn.zhicheng.core.catalogue;

/** R24: the business of an e-seal application (附件3 part I): 新申请, 变更, 注销. */
public enum SealBusiness {
    NEW,
    CHANGE,
    CANCEL
}
