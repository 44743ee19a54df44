package cn.zhicheng.review.meeting.mapping;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.meeting.DrawCandidate;
import cn.zhicheng.core.meeting.Meeting;
import cn.zhicheng.core.meeting.MeetingApplication;
import cn.zhicheng.core.meeting.MeetingExpert;
import cn.zhicheng.core.meeting.MeetingState;
import cn.zhicheng.core.meeting.Vote;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.review.meeting.service.MeetingService;
import cn.zhicheng.review.meeting.service.VotingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps meetings to what the office, the HR bureau and a drawn expert see; votes only ever as counts (R12). */
@ApplicationScoped
@Transactional
public class MeetingViews {

    private final EntityManager em;

    public MeetingViews(EntityManager em) {
        this.em = em;
    }

    public List<MeetingView> list(List<Meeting> meetings, Actor viewer) {
        return meetings.stream().map(m -> view(m, viewer)).toList();
    }

    public MeetingView view(Meeting meeting, Actor viewer) {
        Committee committee = Committee.findById(meeting.committeeId);
        List<MeetingApplication> items = MeetingApplication.agenda(meeting.id);
        Map<UUID, Application> applications = byId(in(Application.class, ids(items, i -> i.applicationId)),
                a -> a.id);
        List<MeetingExpert> seats = MeetingExpert.listByMeeting(meeting.id);
        List<DrawCandidate> candidates = DrawCandidate.listByMeeting(meeting.id);
        Set<UUID> expertIds = new HashSet<>(ids(seats, s -> s.expertId));
        expertIds.addAll(ids(candidates, c -> c.expertId));
        Map<UUID, Expert> experts = byId(in(Expert.class, expertIds), e -> e.id);
        Set<UUID> unitIds = new HashSet<>(ids(applications.values(), a -> a.unitId));
        unitIds.addAll(ids(experts.values(), e -> e.unitId));
        Map<UUID, String> units = unitNames(unitIds);
        Map<UUID, Person> people = byId(in(Person.class, ids(applications.values(), a -> a.applicantId)),
                p -> p.id);
        Map<UUID, Long> votesCast = countVotes(meeting);

        List<MeetingView.AgendaItem> agenda = items.stream().map(item -> {
            Application application = applications.get(item.applicationId);
            return new MeetingView.AgendaItem(item.applicationId, people.get(application.applicantId).name,
                    units.get(application.unitId), application.level, application.specialty, application.state(),
                    votesCast == null ? null : votesCast.getOrDefault(item.applicationId, 0L).intValue(),
                    item.yesVotes, item.noVotes, item.abstentions, item.outcome);
        }).toList();
        List<MeetingView.ExpertSeat> seated = seats.stream().map(s -> {
            Expert expert = experts.get(s.expertId);
            return new MeetingView.ExpertSeat(s.expertId, expert.name, units.get(expert.unitId), s.drawRank,
                    s.attended);
        }).toList();
        MeetingView.Draw draw = meeting.drawSeed == null ? null : new MeetingView.Draw(meeting.drawSeed,
                meeting.drawInputsHash, meeting.drawnAt, candidates.stream().map(c -> {
                    Expert expert = experts.get(c.expertId);
                    return new MeetingView.Candidate(c.expertId, expert.name, units.get(expert.unitId),
                            c.recusedReason);
                }).toList());
        return new MeetingView(meeting.id, committee(committee), meeting.roundId, meeting.meetingDate, meeting.venue,
                meeting.workPlan, meeting.state, meeting.expertCount, MeetingService.quorum(meeting.expertCount),
                meeting.requestedAt, meeting.decidedAt, meeting.decisionNote, latestApplicationDay(meeting), agenda,
                seated, draw, meeting.attending, actions(meeting.state, viewer), meeting.version);
    }

    /** What an expert sees of a meeting they were drawn for: the agenda and their own votes only (R12). */
    public ExpertMeetingView expertView(VotingService.Seat seat) {
        Meeting meeting = seat.meeting();
        List<MeetingApplication> items = MeetingApplication.agenda(meeting.id);
        Map<UUID, Application> applications = byId(in(Application.class, ids(items, i -> i.applicationId)),
                a -> a.id);
        Map<UUID, String> units = unitNames(ids(applications.values(), a -> a.unitId));
        Map<UUID, Person> people = byId(in(Person.class, ids(applications.values(), a -> a.applicantId)),
                p -> p.id);
        Map<UUID, Vote.Choice> mine = seat.myVotes().stream().collect(Collectors.toMap(v -> v.applicationId,
                v -> v.choice));
        boolean closed = meeting.state == MeetingState.CLOSED;
        List<ExpertMeetingView.Item> agenda = items.stream().map(item -> {
            Application application = applications.get(item.applicationId);
            Person person = people.get(application.applicantId);
            return new ExpertMeetingView.Item(item.applicationId, person.name, person.maskedIdNumber(),
                    units.get(application.unitId), application.level, application.specialty, application.state(),
                    mine.get(item.applicationId), closed ? item.outcome : null);
        }).toList();
        boolean canVote = meeting.state == MeetingState.VOTING && Boolean.TRUE.equals(seat.seat().attended);
        return new ExpertMeetingView(meeting.id, committee(Committee.findById(meeting.committeeId)),
                meeting.meetingDate, meeting.venue, meeting.workPlan, meeting.state, seat.seat().drawRank,
                seat.seat().attended, canVote, agenda);
    }

    /** Votes cast per application, counts only, once voting has opened; null before. */
    private Map<UUID, Long> countVotes(Meeting meeting) {
        if (meeting.state != MeetingState.VOTING && meeting.state != MeetingState.CLOSED) {
            return null;
        }
        List<Object[]> rows = em.createQuery("select v.applicationId, count(v) from Vote v where v.meetingId = ?1"
                + " group by v.applicationId", Object[].class).setParameter(1, meeting.id).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Long) r[1]));
    }

    private static LocalDate latestApplicationDay(Meeting meeting) {
        return Deadline.findFor(DeadlineKind.MEETING_APPLICATION, meeting.id).map(d -> d.dueDate).orElse(null);
    }

    /** The steps the viewer may take next, named as the routes name them. */
    static List<String> actions(MeetingState state, Actor viewer) {
        if (viewer.is(Role.HR_BUREAU)) {
            return state == MeetingState.REQUESTED ? List.of("approve", "reject") : List.of();
        }
        if (!viewer.is(Role.COMMITTEE_OFFICE)) {
            return List.of();
        }
        return switch (state) {
            case APPROVED -> List.of("draw");
            case DRAWN -> List.of("attendance");
            case VOTING -> List.of("close");
            default -> List.of();
        };
    }

    private static MeetingView.CommitteeRef committee(Committee committee) {
        return new MeetingView.CommitteeRef(committee.id, committee.name, committee.memberCount);
    }

    private static <T> List<UUID> ids(Collection<T> rows, Function<T, UUID> id) {
        return rows.stream().map(id).distinct().toList();
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    /** The rows with these ids, one query; none asked, none read. */
    private <T> List<T> in(Class<T> entity, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from " + entity.getSimpleName() + " e where e.id in ?1", entity)
                .setParameter(1, ids).getResultList();
    }

    private Map<UUID, String> unitNames(Collection<UUID> ids) {
        return in(Unit.class, ids).stream().collect(Collectors.toMap(u -> u.id, u -> u.name));
    }
}
