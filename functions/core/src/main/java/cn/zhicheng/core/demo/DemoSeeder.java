package cn.zhicheng.core.demo;

import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.PasswordHasher;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.core.unit.UnitKind;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Seeds demo units, series, committees and one account per role on a local or test system, once. The ID numbers
 * are made up and carry valid check digits.
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    /** The demo sign-ins, one per role, printed on start. */
    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("applicant", Role.APPLICANT, "张伟", "申报人 Applicant"),
            new DemoAccount("unit", Role.UNIT_HR, "李娜", "用人单位 Employer unit"),
            new DemoAccount("hrbureau", Role.HR_BUREAU, "王芳", "人社部门 HR bureau"),
            new DemoAccount("office", Role.COMMITTEE_OFFICE, "刘洋", "评委会办事机构 Committee office"),
            new DemoAccount("expert", Role.EXPERT, "陈静", "评审专家 Expert"),
            new DemoAccount("selfeval", Role.SELF_EVAL_UNIT, "赵磊", "自主评聘单位 Self-evaluating unit"));

    /** A seeded account. */
    public record DemoAccount(String username, Role role, String name, String label) {
    }

    private final ZhichengConfig config;
    private final Clock clock;

    public DemoSeeder(ZhichengConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!config.demo().seed()) {
            return;
        }
        seed();
        StringBuilder banner = new StringBuilder("\n\n  Zhicheng is running at ").append(config.publicBaseUrl())
                .append("\n  Demo sign-ins (password ").append(config.demo().password()).append("):\n");
        ACCOUNTS.forEach(a -> banner.append(String.format("    %-10s %s%n", a.username(), a.label())));
        LOG.info(banner);
    }

    @Transactional
    void seed() {
        if (Unit.findByCode("WFHRSS").isPresent()) {
            return;
        }
        Instant now = clock.instant();
        Unit bureau = unit("WFHRSS", "潍坊市人力资源和社会保障局", UnitKind.HR_BUREAU, null, false, now);
        unit("WFGXJ", "潍坊市工业和信息化局", UnitKind.DEPARTMENT, bureau.id, false, now);
        Unit employer = unit("WFDLSJY", "潍坊市电力设计研究院", UnitKind.EMPLOYER, null, false, now);
        Unit hospital = unit("WFDYYY", "潍坊市第一人民医院", UnitKind.EMPLOYER, null, false, now);
        Unit college = unit("WFXY", "潍坊学院", UnitKind.EMPLOYER, null, true, now);
        unit("WFRCFW", "潍坊市人才服务中心", UnitKind.AGENCY, null, false, now);

        Series engineering = series("ENGINEERING", "工程技术", "Engineering");
        Series health = series("HEALTH", "卫生", "Health");
        series("TEACHER", "中小学教师", "Primary and secondary school teachers");

        Committee engineeringCommittee = committee("WF-ENG-MID", "潍坊市工程技术中级职称评审委员会", engineering, bureau,
                EnumSet.of(TitleLevel.INTERMEDIATE, TitleLevel.ASSISTANT, TitleLevel.MEMBER), now);
        committee("WF-HEALTH-MID", "潍坊市卫生中级职称评审委员会", health, bureau,
                EnumSet.of(TitleLevel.INTERMEDIATE), now);

        Person applicant = Person.create("张伟", IdNumber.parse("370702199003151230"), now);
        applicant.persist();
        Person expert = Person.create("陈静", IdNumber.parse("370702198506220045"), now);
        expert.persist();

        account("applicant", Role.APPLICANT, "张伟", applicant.id, employer.id, null, now);
        account("unit", Role.UNIT_HR, "李娜", null, employer.id, null, now);
        account("hrbureau", Role.HR_BUREAU, "王芳", null, bureau.id, null, now);
        account("office", Role.COMMITTEE_OFFICE, "刘洋", null, bureau.id, engineeringCommittee.id, now);
        account("expert", Role.EXPERT, "陈静", expert.id, hospital.id, null, now);
        account("selfeval", Role.SELF_EVAL_UNIT, "赵磊", null, college.id, null, now);
    }

    private static Unit unit(String code, String name, UnitKind kind, UUID parent, boolean selfEvaluating,
            Instant now) {
        Unit unit = new Unit();
        unit.id = UUID.randomUUID();
        unit.code = code;
        unit.name = name;
        unit.kind = kind;
        unit.parentId = parent;
        unit.region = "潍坊市";
        unit.selfEvaluating = selfEvaluating;
        unit.createdAt = now;
        unit.persist();
        return unit;
    }

    private static Series series(String code, String nameZh, String nameEn) {
        Series series = new Series();
        series.id = UUID.randomUUID();
        series.code = code;
        series.nameZh = nameZh;
        series.nameEn = nameEn;
        series.persist();
        return series;
    }

    private static Committee committee(String code, String name, Series series, Unit bureau,
            EnumSet<TitleLevel> levels, Instant now) {
        Committee committee = new Committee();
        committee.id = UUID.randomUUID();
        committee.code = code;
        committee.name = name;
        committee.seriesId = series.id;
        committee.hrBureauId = bureau.id;
        committee.memberCount = 15;
        committee.levels = levels;
        committee.createdAt = now;
        committee.persist();
        return committee;
    }

    private void account(String username, Role role, String name, UUID personId, UUID unitId, UUID committeeId,
            Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = username;
        account.passwordHash = PasswordHasher.hash(config.demo().password());
        account.displayName = name;
        account.role = role;
        account.personId = personId;
        account.unitId = unitId;
        account.committeeId = committeeId;
        account.enabled = true;
        account.createdAt = now;
        account.persist();
    }
}
