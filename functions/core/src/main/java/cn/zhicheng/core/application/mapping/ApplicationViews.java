package cn.zhicheng.core.application.mapping;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.application.Objection;
import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps applications to what a viewer sees, loading referenced records once per call. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ApplicationViews {

    public ApplicationView detail(Application application, Actor viewer) {
        List<ApplicationView.EvidenceView> evidence = EvidenceItem.listByApplication(application.id).stream()
                .map(ApplicationViews::evidence).toList();
        List<ApplicationView.HistoryEntry> history = AuditEvent
                .listBySubject(ApplicationStateMachine.SUBJECT, application.id).stream()
                .map(e -> new ApplicationView.HistoryEntry(e.occurredAt, e.actorName, e.actorRole, e.action,
                        e.fromState, e.toState, e.note))
                .toList();
        List<ApplicationView.ObjectionView> objections = Objection
                .<Objection>list("applicationId = ?1 order by raisedAt", application.id).stream()
                .map(ApplicationViews::objection).toList();
        return new References(List.of(application)).view(application, viewer, evidence, objections, history);
    }

    public List<ApplicationView> list(List<Application> applications, Actor viewer) {
        References references = new References(applications);
        return applications.stream().map(a -> references.view(a, viewer, List.of(), List.of(), List.of())).toList();
    }

    /** What the viewer may do next, named as the API's action routes name them. */
    static List<String> actions(ApplicationState state, Actor viewer) {
        if (viewer.role() == null) {
            return List.of();
        }
        Set<String> actions = new LinkedHashSet<>();
        for (ApplicationTransition transition : ApplicationStateMachine.available(state, viewer.role())) {
            String action = switch (transition) {
                case SUBMIT -> "submit";
                case WITHDRAW -> "withdraw";
                case UNIT_REVIEW -> "review";
                case RETURN -> "return";
                case RECOMMEND -> "recommend";
                case VET -> "vet";
                case ACCEPT -> "accept";
                case CERTIFY -> "issue";
                // R12-R16: decided by meetings and rounds, never one application at a time
                case START_REVIEW, PASS, FAIL, PUBLISH_RESULT, FILE, UPHOLD_RESULT_OBJECTION -> null;
                case VOID_FOR_FRAUD, REVOKE -> null;
            };
            if (action != null) {
                actions.add(action);
            }
        }
        return List.copyOf(actions);
    }

    public static ApplicationView.EvidenceView evidence(EvidenceItem item) {
        return new ApplicationView.EvidenceView(item.id, item.kind, item.title, item.fileName, item.contentType, item.size,
                item.status.name(), item.uploadedAt);
    }

    /** R27: a photo counts once its upload is confirmed; a pending replacement shows none. */
    static ApplicationView.Photo photo(Application a) {
        return a.photoUploadedAt == null ? null
                : new ApplicationView.Photo(a.photoContentType, a.photoSize, a.photoUploadedAt);
    }

    public static ApplicationView.ObjectionView objection(Objection o) {
        return new ApplicationView.ObjectionView(o.id, o.stage, o.raisedAt, o.raisedBy, o.content, o.decision,
                o.explanation, o.decidedAt, o.version);
    }

    /** Referenced people, units, series, committees and staff accounts of a batch of applications. */
    private static final class References {
        private final Map<UUID, Person> people;
        private final Map<UUID, Unit> units;
        private final Map<UUID, Series> series;
        private final Map<UUID, Committee> committees;
        private final Map<UUID, Account> staff;

        References(List<Application> applications) {
            people = byId(Person.list("id in ?1", ids(applications, a -> a.applicantId)), p -> ((Person) p).id);
            units = byId(Unit.list("id in ?1", ids(applications, a -> a.unitId)), u -> ((Unit) u).id);
            series = byId(Series.list("id in ?1", ids(applications, a -> a.seriesId)), s -> ((Series) s).id);
            committees = byId(Committee.list("id in ?1", ids(applications, a -> a.committeeId)),
                    c -> ((Committee) c).id);
            List<UUID> staffIds = new ArrayList<>(ids(applications, a -> a.unitReviewedBy));
            staffIds.addAll(ids(applications, a -> a.vettedBy));
            staff = byId(Account.list("id in ?1", staffIds), a -> ((Account) a).id);
        }

        ApplicationView view(Application a, Actor viewer, List<ApplicationView.EvidenceView> evidence,
                List<ApplicationView.ObjectionView> objections, List<ApplicationView.HistoryEntry> history) {
            Person person = people.get(a.applicantId);
            boolean owner = a.accountId.equals(viewer.accountId());
            String idNumber = owner ? person.idNumber : IdNumber.mask(person.idNumber);
            Unit unit = units.get(a.unitId);
            Series s = series.get(a.seriesId);
            Committee committee = committees.get(a.committeeId);
            return new ApplicationView(a.id, a.state(), a.version,
                    new ApplicationView.Applicant(person.name, idNumber),
                    new ApplicationView.Ref(unit.id, unit.name), a.employment, new ApplicationView.Ref(s.id, s.nameZh),
                    a.level, a.specialty, a.practisedSpecialty, a.grassroots, photo(a),
                    new ApplicationView.Ref(committee.id, committee.name), a.diplomaNumber,
                    a.graduationYear, a.degreeNumber, a.degreeAwardedOn, a.diplomaVerification, a.degreeVerification,
                    a.pledgeSignedAt, a.unitPledgeSignedAt, done(a.unitReviewedBy, a.unitReviewedAt),
                    a.publicityEndsOn, done(a.vettedBy, a.vettedAt), a.acceptedAt, a.roundId, a.decisionNote,
                    evidence, objections, history, actions(a.state(), viewer), a.createdAt, a.updatedAt);
        }

        private ApplicationView.Done done(UUID accountId, Instant at) {
            if (accountId == null) {
                return null;
            }
            Account account = staff.get(accountId);
            return new ApplicationView.Done(account == null ? null : account.displayName, at);
        }

        private static List<UUID> ids(List<Application> applications, Function<Application, UUID> id) {
            Collection<UUID> distinct = applications.stream().map(id).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            return distinct.isEmpty() ? List.of(new UUID(0, 0)) : new ArrayList<>(distinct);
        }

        @SuppressWarnings("unchecked")
        private static <T> Map<UUID, T> byId(List<?> entities, Function<Object, UUID> id) {
            Map<UUID, T> map = new HashMap<>();
            entities.forEach(e -> map.put(id.apply(e), (T) e));
            return map;
        }
    }
}
