package cn.zhicheng.review.setup.mapping;

import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.expert.ExpertConflict;
import cn.zhicheng.core.expert.ExpertPoolMember;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.SubmissionWindow;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps the set-up records to what the HR bureau, the office and applicants see. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SetupViews {

    private final Clock clock;

    public SetupViews(Clock clock) {
        this.clock = clock;
    }

    /** Another record named by id and name. */
    public record Ref(UUID id, String name) {
    }

    /** A committee: R8 scope (series, levels, jurisdiction) and R12 member count. */
    public record CommitteeView(UUID id, String code, String name, Ref series, List<TitleLevel> levels,
            String jurisdiction, String organiser, int memberCount, long version) {
    }

    /** A committee office's sign-in. */
    public record StaffView(UUID id, String username, String displayName) {
    }

    /** R1: a submission window, open or not by the server clock. */
    public record WindowView(UUID id, Ref committee, Ref series, String title, Instant opensAt, Instant closesAt,
            boolean open, long version) {
    }

    /** R9: an expert and their sign-in name, if any. */
    public record ExpertView(UUID id, String name, String specialty, Ref unit, String username) {
    }

    /** R9: one member of a year's pool. */
    public record PoolMemberView(ExpertView expert, LocalDate termEndsOn) {
    }

    /** R9: a committee's pool of a year. */
    public record PoolView(UUID committeeId, int year, List<PoolMemberView> members) {
    }

    /** R10: a declared conflict; the person is shown by name only. */
    public record ConflictView(UUID id, Ref unit, String personName, String reason, Instant declaredAt) {
    }

    public CommitteeView committee(Committee committee) {
        return committees(List.of(committee)).get(0);
    }

    public List<CommitteeView> committees(List<Committee> committees) {
        Map<UUID, Series> series = byId(Series.<Series>list("id in ?1", ids(committees, c -> c.seriesId)),
                s -> s.id);
        return committees.stream().map(c -> new CommitteeView(c.id, c.code, c.name, seriesRef(series.get(c.seriesId)),
                c.levels.stream().sorted().toList(), c.jurisdiction, c.organiser, c.memberCount, c.version)).toList();
    }

    public StaffView staff(Account account) {
        return new StaffView(account.id, account.username, account.displayName);
    }

    public WindowView window(SubmissionWindow window) {
        return windows(List.of(window)).get(0);
    }

    public List<WindowView> windows(List<SubmissionWindow> windows) {
        Map<UUID, Committee> committees = byId(Committee.<Committee>list("id in ?1",
                ids(windows, w -> w.committeeId)), c -> c.id);
        Map<UUID, Series> series = byId(Series.<Series>list("id in ?1", ids(windows, w -> w.seriesId)), s -> s.id);
        Instant now = clock.instant();
        return windows.stream().map(w -> {
            Committee committee = committees.get(w.committeeId);
            return new WindowView(w.id, new Ref(committee.id, committee.name), seriesRef(series.get(w.seriesId)),
                    w.title, w.opensAt, w.closesAt, w.isOpenAt(now), w.version);
        }).toList();
    }

    public ExpertView expert(Expert expert) {
        return experts(List.of(expert)).get(0);
    }

    public List<ExpertView> experts(List<Expert> experts) {
        Map<UUID, Unit> units = byId(Unit.<Unit>list("id in ?1", ids(experts, e -> e.unitId)), u -> u.id);
        Map<UUID, Account> accounts = byId(Account.<Account>list("id in ?1", ids(experts, e -> e.accountId)),
                a -> a.id);
        return experts.stream().map(e -> {
            Unit unit = units.get(e.unitId);
            Account account = e.accountId == null ? null : accounts.get(e.accountId);
            return new ExpertView(e.id, e.name, e.specialty, new Ref(unit.id, unit.name),
                    account == null ? null : account.username);
        }).toList();
    }

    public PoolView pool(UUID committeeId, int year, List<ExpertPoolMember> members) {
        Map<UUID, ExpertView> experts = experts(Expert.<Expert>list("id in ?1 order by name, id",
                ids(members, m -> m.expertId))).stream().collect(Collectors.toMap(ExpertView::id, e -> e));
        // listed by the experts' names, as people read a roster
        List<PoolMemberView> views = members.stream()
                .map(m -> new PoolMemberView(experts.get(m.expertId), m.termEndsOn))
                .sorted((a, b) -> a.expert().name().compareTo(b.expert().name()))
                .toList();
        return new PoolView(committeeId, year, views);
    }

    public ConflictView conflict(ExpertConflict conflict) {
        return conflicts(List.of(conflict)).get(0);
    }

    public List<ConflictView> conflicts(List<ExpertConflict> conflicts) {
        Map<UUID, Unit> units = byId(Unit.<Unit>list("id in ?1", ids(conflicts, c -> c.unitId)), u -> u.id);
        Map<UUID, Person> people = byId(Person.<Person>list("id in ?1", ids(conflicts, c -> c.personId)),
                p -> p.id);
        return conflicts.stream().map(c -> {
            Unit unit = c.unitId == null ? null : units.get(c.unitId);
            Person person = c.personId == null ? null : people.get(c.personId);
            return new ConflictView(c.id, unit == null ? null : new Ref(unit.id, unit.name),
                    person == null ? null : person.name, c.reason, c.declaredAt);
        }).toList();
    }

    private static Ref seriesRef(Series series) {
        return new Ref(series.id, series.nameZh);
    }

    /** The distinct non-null ids, never empty: an empty "in" list is not portable SQL. */
    private static <T> List<UUID> ids(Collection<T> items, Function<T, UUID> id) {
        List<UUID> ids = items.stream().map(id).filter(Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
