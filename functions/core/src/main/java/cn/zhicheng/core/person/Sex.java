package cn.zhicheng.core.person;

/** A person's sex as encoded in the 17th digit of a 居民身份证号 (odd = male, even = female). */
public enum Sex {
    MALE,
    FEMALE
}
