package cn.zhicheng.review.round.mapping;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.Objection;
import cn.zhicheng.core.calendar.CalendarService;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.deadline.SubjectType;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.meeting.MeetingApplication;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.review.round.service.PublicNoticeService;
import cn.zhicheng.review.round.service.RoundResults;
import cn.zhicheng.review.round.service.RoundService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/** Builds round and notice views, reading names in a few queries per round rather than one per application. */
@ApplicationScoped
public class RoundViews {

    private final CalendarService calendars;
    private final DeadlineService deadlines;

    public RoundViews(CalendarService calendars, DeadlineService deadlines) {
        this.calendars = calendars;
        this.deadlines = deadlines;
    }

    /** The rounds without their applications and objections (null), which only the round itself lists. */
    public List<RoundView> list(List<ReviewRound> rounds) {
        return rounds.stream().map(round -> of(round, false)).toList();
    }

    public RoundView of(ReviewRound round) {
        return of(round, true);
    }

    private RoundView of(ReviewRound round, boolean full) {
        Committee committee = Committee.findById(round.committeeId);
        List<Application> applications = RoundService.applicationsOf(round);
        Names names = Names.of(applications);
        Map<UUID, Tally> tallies = tallies(applications);
        List<RoundView.ApplicationEntry> entries = applications.stream().map(a -> {
            Person person = names.persons.get(a.applicantId);
            Tally tally = tallies.get(a.id);
            return new RoundView.ApplicationEntry(a.id, person == null ? null : person.name,
                    person == null ? null : person.maskedIdNumber(), names.unit(a.unitId), names.series(a.seriesId),
                    a.level, a.specialty, a.state(), tally == null ? null : tally.yes(),
                    tally == null ? null : tally.no(), tally == null ? null : tally.abstentions());
        }).toList();
        List<RoundView.ObjectionEntry> objections = objectionsOf(applications).stream().map(o -> {
            Person person = names.persons.get(names.applicantOf.get(o.applicationId));
            LocalDate due = answerDueOn(o.id);
            return new RoundView.ObjectionEntry(o.id, o.applicationId, person == null ? null : person.name,
                    o.raisedAt, o.raisedBy, o.contact, o.content, o.decision, o.explanation, o.decidedAt, due,
                    o.version);
        }).toList();
        List<RoundView.DeadlineEntry> roundDeadlines = Deadline.listBySubject(SubjectType.ROUND, round.id).stream()
                .map(d -> new RoundView.DeadlineEntry(d.id, d.kind, d.rule, d.dueDate, d.state)).toList();
        return new RoundView(round.id, new RoundView.CommitteeRef(committee.id, committee.name), round.year,
                round.state, round.reviewedOn, dueAfterReview(DeadlineKind.PASS_LIST, round),
                dueAfterReview(DeadlineKind.FILING, round), round.noticeStartsOn, round.noticeEndsOn,
                PublicNoticeService.running(round, deadlines.today()),
                RoundResults.seniorPassRate(committee, applications),
                round.seniorOverrideReason == null ? null : new RoundView.SeniorOverride(round.seniorOverrideReason,
                        accountName(round.seniorOverrideBy), round.seniorOverrideAt),
                round.returnedReason, round.passListSubmittedAt, round.approvedAt, round.filedAt,
                round.summary == null ? null : new RoundView.Summary(round.summary, accountName(round.summaryBy),
                        round.summaryAt),
                full ? entries : null, full ? objections : null, roundDeadlines, round.version);
    }

    /** R15: the public notice of a round: published results only, names without ID numbers. */
    public NoticeView notice(ReviewRound round) {
        Committee committee = Committee.findById(round.committeeId);
        List<Application> published = RoundService.applicationsOf(round).stream()
                .filter(PublicNoticeService::onNotice).toList();
        Names names = Names.of(published);
        List<NoticeView.Entry> entries = published.stream().map(a -> {
            Person person = names.persons.get(a.applicantId);
            return new NoticeView.Entry(a.id, person == null ? null : person.name, names.unit(a.unitId),
                    names.series(a.seriesId), a.level, a.specialty);
        }).toList();
        return new NoticeView(round.id, new RoundView.CommitteeRef(committee.id, committee.name), round.year,
                round.noticeStartsOn, round.noticeEndsOn, PublicNoticeService.running(round, deadlines.today()),
                entries);
    }

    /** R14, R16: counted from the review on the official calendar (R32); null before the round was reviewed. */
    private LocalDate dueAfterReview(DeadlineKind kind, ReviewRound round) {
        return round.reviewedOn == null ? null : kind.due(calendars.calendar(), round.reviewedOn).date();
    }

    /** R15: the day the HR bureau must answer the objection by (10 working days). */
    public LocalDate answerDueOn(UUID objectionId) {
        return Deadline.findFor(DeadlineKind.OBJECTION_ANSWER, objectionId).map(d -> d.dueDate).orElse(null);
    }

    static List<Objection> objectionsOf(List<Application> applications) {
        if (applications.isEmpty()) {
            return List.of();
        }
        return Objection.list("stage = ?1 and applicationId in ?2 order by raisedAt, id",
                Objection.Stage.RESULT_NOTICE, applications.stream().map(a -> a.id).toList());
    }

    private static String accountName(UUID accountId) {
        Account account = accountId == null ? null : Account.findById(accountId);
        return account == null ? null : account.displayName;
    }

    /** A meeting's tally of one application. */
    private record Tally(Integer yes, Integer no, Integer abstentions) {
    }

    /** The tallies of the applications' meetings; a later meeting's tally replaces an earlier one's. */
    private static Map<UUID, Tally> tallies(List<Application> applications) {
        Map<UUID, Tally> tallies = new HashMap<>();
        if (applications.isEmpty()) {
            return tallies;
        }
        List<Object[]> rows = MeetingApplication.getEntityManager().createQuery(
                "select ma.applicationId, ma.yesVotes, ma.noVotes, ma.abstentions from MeetingApplication ma, "
                        + "Meeting m where m.id = ma.meetingId and ma.applicationId in :ids "
                        + "and ma.yesVotes is not null "
                        + "order by m.meetingDate, m.closedAt", Object[].class)
                .setParameter("ids", applications.stream().map(a -> a.id).toList())
                .getResultList();
        for (Object[] row : rows) {
            tallies.put((UUID) row[0], new Tally((Integer) row[1], (Integer) row[2], (Integer) row[3]));
        }
        return tallies;
    }

    /** Persons, units and series of a set of applications, each read in one query. */
    record Names(Map<UUID, Person> persons, Map<UUID, Unit> units, Map<UUID, Series> series,
            Map<UUID, UUID> applicantOf) {

        static Names of(List<Application> applications) {
            if (applications.isEmpty()) {
                return new Names(Map.of(), Map.of(), Map.of(), Map.of());
            }
            List<UUID> personIds = applications.stream().map(a -> a.applicantId).distinct().toList();
            List<UUID> unitIds = applications.stream().map(a -> a.unitId).distinct().toList();
            List<UUID> seriesIds = applications.stream().map(a -> a.seriesId).distinct().toList();
            return new Names(
                    Person.<Person>list("id in ?1", personIds).stream().collect(byId(p -> p.id)),
                    Unit.<Unit>list("id in ?1", unitIds).stream().collect(byId(u -> u.id)),
                    Series.<Series>list("id in ?1", seriesIds).stream().collect(byId(s -> s.id)),
                    applications.stream().collect(Collectors.toMap(a -> a.id, a -> a.applicantId)));
        }

        String unit(UUID id) {
            Unit unit = units.get(id);
            return unit == null ? null : unit.name;
        }

        String series(UUID id) {
            Series found = series.get(id);
            return found == null ? null : found.nameZh;
        }

        private static <T> Collector<T, ?, Map<UUID, T>> byId(Function<T, UUID> id) {
            return Collectors.toMap(id, Function.identity());
        }
    }
}
