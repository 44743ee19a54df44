package cn.zhicheng.core.series;

/** Title levels (职称层级); 初级 is ASSISTANT plus MEMBER. */
public enum TitleLevel {
    FULL_SENIOR("正高级", "Full senior"),
    DEPUTY_SENIOR("副高级", "Deputy senior"),
    INTERMEDIATE("中级", "Intermediate"),
    ASSISTANT("助理级", "Assistant"),
    MEMBER("员级", "Member");

    private final String nameZh;
    private final String nameEn;

    TitleLevel(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** R13: 正高级 and 副高级 are senior. */
    public boolean isSenior() {
        return this == FULL_SENIOR || this == DEPUTY_SENIOR;
    }

    /** R17: 助理级 and 员级 are junior (初级). */
    public boolean isJunior() {
        return this == ASSISTANT || this == MEMBER;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
