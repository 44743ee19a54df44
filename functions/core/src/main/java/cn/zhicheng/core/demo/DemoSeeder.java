package cn.zhicheng.core.demo;

import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.PasswordHasher;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.expert.ExpertPoolMember;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.SubmissionWindow;
import cn.zhicheng.core.time.ClockProducer;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
            new DemoAccount("expert", Role.EXPERT, "陈静", "评审专家 Expert (expert2 … expert7 too)"),
            new DemoAccount("office2", Role.COMMITTEE_OFFICE, "孙敏", "高级评委会办事机构 Senior committee office"),
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
        Unit architecture = unit("WFJZSJY", "潍坊市建筑设计研究院", UnitKind.EMPLOYER, null, false, now);
        Unit water = unit("WFSLY", "潍坊市水利建筑勘察设计院", UnitKind.EMPLOYER, null, false, now);
        unit("WFRCFW", "潍坊市人才服务中心", UnitKind.AGENCY, null, false, now);

        Series engineering = series("ENGINEERING", "工程技术", "Engineering");
        Series health = series("HEALTH", "卫生", "Health");
        series("TEACHER", "中小学教师", "Primary and secondary school teachers");

        Committee engineeringCommittee = committee("WF-ENG-MID", "潍坊市工程技术中级职称评审委员会", engineering, bureau,
                EnumSet.of(TitleLevel.INTERMEDIATE, TitleLevel.ASSISTANT, TitleLevel.MEMBER), 5, now);
        Committee seniorCommittee = committee("WF-ENG-SENIOR", "潍坊市工程技术高级职称评审委员会", engineering, bureau,
                EnumSet.of(TitleLevel.DEPUTY_SENIOR), 5, now);
        committee("WF-HEALTH-MID", "潍坊市卫生中级职称评审委员会", health, bureau,
                EnumSet.of(TitleLevel.INTERMEDIATE), 15, now);

        Person applicant = Person.create("张伟", IdNumber.parse("370702199003151230"), now);
        applicant.persist();
        Person expert = Person.create("陈静", IdNumber.parse("370702198506220045"), now);
        expert.persist();

        account("applicant", Role.APPLICANT, "张伟", applicant.id, employer.id, null, now);
        account("unit", Role.UNIT_HR, "李娜", null, employer.id, null, now);
        account("hrbureau", Role.HR_BUREAU, "王芳", null, bureau.id, null, now);
        account("office", Role.COMMITTEE_OFFICE, "刘洋", null, bureau.id, engineeringCommittee.id, now);
        account("office2", Role.COMMITTEE_OFFICE, "孙敏", null, bureau.id, seniorCommittee.id, now);
        Account firstExpert = account("expert", Role.EXPERT, "陈静", expert.id, hospital.id, null, now);
        window(engineeringCommittee, engineering, now);
        window(seniorCommittee, engineering, now);
        // R9, R10: seven experts, one from the demo applicant's own unit (recused when the applicant is on the agenda)
        List<Expert> experts = new ArrayList<>();
        experts.add(expert("陈静", "电气工程", hospital, firstExpert, now));
        experts.add(expert("expert2", "周强", "电气工程", college, now));
        experts.add(expert("expert3", "吴敏", "结构工程", architecture, now));
        experts.add(expert("expert4", "郑涛", "水利工程", water, now));
        experts.add(expert("expert5", "冯丽", "电力系统", employer, now));
        experts.add(expert("expert6", "韩雪", "建筑电气", architecture, now));
        experts.add(expert("expert7", "杨帆", "机电工程", college, now));
        int year = LocalDate.ofInstant(now, ClockProducer.CHINA).getYear();
        for (Committee committee : List.of(engineeringCommittee, seniorCommittee)) {
            for (int poolYear = year; poolYear <= year + 1; poolYear++) {
                for (Expert member : experts) {
                    poolMember(committee, poolYear, member, now);
                }
            }
        }
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

    /** A series of the national list is reference data (V8); others are made here. */
    private static Series series(String code, String nameZh, String nameEn) {
        Optional<Series> national = Series.findByCode(code);
        if (national.isPresent()) {
            return national.get();
        }
        Series series = new Series();
        series.id = UUID.randomUUID();
        series.code = code;
        series.nameZh = nameZh;
        series.nameEn = nameEn;
        series.persist();
        return series;
    }

    private static Committee committee(String code, String name, Series series, Unit bureau,
            EnumSet<TitleLevel> levels, int members, Instant now) {
        Committee committee = new Committee();
        committee.id = UUID.randomUUID();
        committee.code = code;
        committee.name = name;
        committee.seriesId = series.id;
        committee.hrBureauId = bureau.id;
        committee.memberCount = members;
        committee.jurisdiction = "潍坊市";
        committee.organiser = bureau.name;
        committee.levels = levels;
        committee.createdAt = now;
        committee.persist();
        return committee;
    }

    /** R1: a window over the whole seeding year, in China's time. */
    private static void window(Committee committee, Series series, Instant now) {
        int year = LocalDate.ofInstant(now, ClockProducer.CHINA).getYear();
        SubmissionWindow window = new SubmissionWindow();
        window.id = UUID.randomUUID();
        window.committeeId = committee.id;
        window.seriesId = series.id;
        window.title = year + "年度" + series.nameZh + "职称申报";
        window.opensAt = LocalDate.of(year, 1, 1).atStartOfDay(ClockProducer.CHINA).toInstant();
        window.closesAt = LocalDate.of(year + 1, 1, 1).atStartOfDay(ClockProducer.CHINA).toInstant();
        window.createdAt = now;
        window.persist();
    }

    private Expert expert(String username, String name, String specialty, Unit unit, Instant now) {
        return expert(name, specialty, unit, account(username, Role.EXPERT, name, null, unit.id, null, now), now);
    }

    private static Expert expert(String name, String specialty, Unit unit, Account account, Instant now) {
        Expert expert = new Expert();
        expert.id = UUID.randomUUID();
        expert.name = name;
        expert.specialty = specialty;
        expert.unitId = unit.id;
        expert.accountId = account.id;
        expert.createdAt = now;
        expert.persist();
        return expert;
    }

    private static void poolMember(Committee committee, int year, Expert expert, Instant now) {
        ExpertPoolMember member = new ExpertPoolMember();
        member.committeeId = committee.id;
        member.poolYear = year;
        member.expertId = expert.id;
        member.termEndsOn = LocalDate.of(year, 12, 31);
        member.addedAt = now;
        member.persist();
    }

    private Account account(String username, Role role, String name, UUID personId, UUID unitId, UUID committeeId,
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
        return account;
    }
}
