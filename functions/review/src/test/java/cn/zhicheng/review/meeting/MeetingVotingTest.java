package cn.zhicheng.review.meeting;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static cn.zhicheng.review.meeting.MeetingTestSupport.accepted;
import static cn.zhicheng.review.meeting.MeetingTestSupport.attendance;
import static cn.zhicheng.review.meeting.MeetingTestSupport.close;
import static cn.zhicheng.review.meeting.MeetingTestSupport.drawn;
import static cn.zhicheng.review.meeting.MeetingTestSupport.drawnExperts;
import static cn.zhicheng.review.meeting.MeetingTestSupport.rows;
import static cn.zhicheng.review.meeting.MeetingTestSupport.snapshot;
import static cn.zhicheng.review.meeting.MeetingTestSupport.stateOf;
import static cn.zhicheng.review.meeting.MeetingTestSupport.today;
import static cn.zhicheng.review.meeting.MeetingTestSupport.username;
import static cn.zhicheng.review.meeting.MeetingTestSupport.vote;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.meeting.Meeting;
import cn.zhicheng.core.meeting.Vote;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.time.SettableClock;
import cn.zhicheng.review.meeting.service.VotingService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R12: attendance and quorum, secret votes, the two-thirds pass rule and the close, on PostgreSQL. */
@QuarkusTest
class MeetingVotingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    /** Tuesday 8 September 2026: exactly 5 working days after Tuesday 1 September (R11). */
    private static final LocalDate MEETING_DAY = LocalDate.of(2026, 9, 8);

    @Inject
    Clock port;

    @Inject
    VotingService voting;

    SettableClock clock;

    @BeforeEach
    void settable() {
        clock = SettableClock.of(port);
        clock.reset();
        MeetingTestSupport.signInAll();
        today(clock, TODAY);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A drawn meeting on MEETING_DAY whose attendance is recorded on the day, with the first n drawn present. */
    private UUID votingWith(int present, UUID... agenda) {
        return votingOn(MEETING_DAY, present, agenda);
    }

    private UUID votingOn(LocalDate day, int present, UUID... agenda) {
        UUID id = drawn(day, agenda);
        today(clock, day);
        attendance(id, drawnExperts(id).subList(0, present)).statusCode(200).body("state", is("VOTING"))
                .body("attending", is(present));
        return id;
    }

    private static List<String> voters(UUID meeting) {
        return drawnExperts(meeting).stream().map(MeetingTestSupport::username).toList();
    }

    @Test
    void R12_meetingWithoutTwoThirdsIsNotQuorateAndRecordsNoResult() {
        UUID application = accepted();
        UUID id = drawn(MEETING_DAY, application);
        List<UUID> experts = drawnExperts(id);
        // the day before the meeting nothing can be recorded
        Map<String, Long> before = snapshot();
        attendance(id, experts.subList(0, 4)).statusCode(422).body("rule", is("R12"))
                .body("code", is("MEETING_NOT_STARTED")).body("meetingDate", is("2026-09-08"));
        assertEquals(before, snapshot());

        today(clock, MEETING_DAY);
        // 3 of 5: 3 * 3 = 9 < 10
        attendance(id, experts.subList(0, 3)).statusCode(200).body("state", is("NOT_QUORATE"))
                .body("attending", is(3)).body("quorum", is(4))
                .body("experts.attended", is(List.of(true, true, true, false, false)))
                .body("agenda[0].outcome", nullValue()).body("agenda[0].yesVotes", nullValue())
                .body("actions.size()", is(0));
        assertEquals(ApplicationState.ACCEPTED, stateOf(application));
        vote(username(experts.getFirst()), id, application, "YES").statusCode(409).body("code", is("VOTING_NOT_OPEN"));
        close(id).statusCode(409).body("code", is("ILLEGAL_MEETING_STATE"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Vote.count("meetingId", id)));
        // the application is free for a new meeting
        today(clock, TODAY);
        MeetingTestSupport.apply(LocalDate.of(2026, 9, 9), application).statusCode(201);
    }

    @Test
    void R12_fourOfFiveIsQuorateAndTheAgendaGoesUnderReview() {
        UUID application = accepted();
        UUID id = votingWith(4, application);
        assertEquals(ApplicationState.UNDER_REVIEW, stateOf(application));
        as("office").get("/api/meetings/" + id).then().body("actions", is(List.of("close")))
                .body("agenda[0].votesCast", is(0));
    }

    @Test
    void R12_passNeedsTwoThirdsOfAttendingExperts() {
        UUID passes = accepted();
        UUID fails = accepted();
        UUID id = votingWith(4, passes, fails);
        List<String> voters = voters(id);
        // 4 attend: 3 yes of 4 is 9 >= 8 and passes; 2 yes of 4 is 6 < 8 and fails
        vote(voters.get(0), id, passes, "YES").statusCode(200).body("choice", is("YES"));
        vote(voters.get(1), id, passes, "YES").statusCode(200);
        vote(voters.get(2), id, passes, "YES").statusCode(200);
        vote(voters.get(3), id, passes, "NO").statusCode(200);
        vote(voters.get(0), id, fails, "YES").statusCode(200);
        vote(voters.get(1), id, fails, "YES").statusCode(200);
        vote(voters.get(2), id, fails, "ABSTAIN").statusCode(200);
        // the fourth expert does not vote on it: a vote not cast is not a yes
        close(id).statusCode(200).body("state", is("CLOSED"))
                .body("agenda.find { it.applicationId == '" + passes + "' }.outcome", is("PASS"))
                .body("agenda.find { it.applicationId == '" + passes + "' }.yesVotes", is(3))
                .body("agenda.find { it.applicationId == '" + passes + "' }.noVotes", is(1))
                .body("agenda.find { it.applicationId == '" + passes + "' }.abstentions", is(0))
                .body("agenda.find { it.applicationId == '" + passes + "' }.state", is("PASSED"))
                .body("agenda.find { it.applicationId == '" + fails + "' }.outcome", is("FAIL"))
                .body("agenda.find { it.applicationId == '" + fails + "' }.yesVotes", is(2))
                .body("agenda.find { it.applicationId == '" + fails + "' }.abstentions", is(1))
                .body("agenda.find { it.applicationId == '" + fails + "' }.state", is("FAILED"));
        assertEquals(ApplicationState.PASSED, stateOf(passes));
        assertEquals(ApplicationState.FAILED, stateOf(fails));
        LocalDate reviewedOn = QuarkusTransaction.requiringNew().call(() -> ReviewRound.<ReviewRound>findById(
                Meeting.<Meeting>findById(id).roundId).reviewedOn);
        assertFalse(reviewedOn.isBefore(MEETING_DAY));
        vote(voters.get(3), id, fails, "YES").statusCode(409).body("code", is("VOTING_NOT_OPEN"));
        close(id).statusCode(409);
        // after the close the expert sees the outcome, still only their own vote
        as(voters.get(3)).get("/api/expert/meetings/" + id).then().statusCode(200)
                .body("agenda.find { it.applicationId == '" + passes + "' }.outcome", is("PASS"))
                .body("agenda.find { it.applicationId == '" + passes + "' }.myVote", is("NO"))
                .body("agenda.find { it.applicationId == '" + fails + "' }.myVote", nullValue());
    }

    @Test
    void R12_allFiveAttendingNeedFourYes() {
        UUID application = accepted();
        UUID id = votingWith(5, application);
        List<String> voters = voters(id);
        for (int i = 0; i < 5; i++) {
            vote(voters.get(i), id, application, i < 3 ? "YES" : "NO").statusCode(200);
        }
        // 3 of 5 is 9 < 10
        close(id).statusCode(200).body("agenda[0].outcome", is("FAIL"));
    }

    @Test
    void R12_absentExpertCannotVote() {
        UUID application = accepted();
        UUID id = votingWith(4, application);
        List<String> voters = voters(id);
        long votes = rows("vote");
        vote(voters.get(4), id, application, "YES").statusCode(403).body("rule", is("R12"))
                .body("code", is("NOT_ATTENDING"));
        as(voters.get(4)).get("/api/expert/meetings/" + id).then().statusCode(200).body("attended", is(false))
                .body("canVote", is(false));
        // an expert not drawn at all does not even see the meeting
        vote("expert5", id, application, "YES").statusCode(404).body("code", is("MEETING_NOT_FOUND"));
        // nor can an attending expert vote on an application not on the agenda
        vote(voters.getFirst(), id, accepted(), "YES").statusCode(404).body("code", is("NOT_ON_AGENDA"));
        as("office").body(Map.of("choice", "YES")).put("/api/expert/meetings/" + id + "/votes/" + application)
                .then().statusCode(403);
        assertEquals(votes, rows("vote"));
    }

    @Test
    void R12_attendanceNamesOnlyDrawnExperts() {
        UUID id = drawn(MEETING_DAY, accepted());
        today(clock, MEETING_DAY);
        UUID feng = MeetingTestSupport.expertId("expert5");
        List<UUID> present = new ArrayList<>(drawnExperts(id));
        present.add(feng);
        Map<String, Long> before = snapshot();
        attendance(id, present).statusCode(422).body("code", is("NOT_A_DRAWN_EXPERT"))
                .body("expertId", is(feng.toString()));
        assertEquals(before, snapshot());
    }

    @Test
    void R12_expertNeverSeesAnotherExpertsVote() {
        UUID application = accepted();
        LocalDate day = LocalDate.of(2026, 9, 9);
        UUID id = votingOn(day, 5, application);
        List<String> voters = voters(id);
        vote(voters.get(0), id, application, "YES").statusCode(200);
        vote(voters.get(1), id, application, "NO").statusCode(200);
        as(voters.get(0)).get("/api/expert/meetings/" + id).then().statusCode(200)
                .body("agenda[0].myVote", is("YES")).body("canVote", is(true));
        String other = as(voters.get(2)).get("/api/expert/meetings/" + id).then().statusCode(200)
                .body("agenda[0].myVote", nullValue()).extract().asString();
        assertFalse(other.contains("YES") || other.contains("NO\"") || other.contains("votesCast")
                || other.contains("yesVotes"), other);
        String list = as(voters.get(2)).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/expert/meetings").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.agenda[0].myVote", nullValue()).extract().asString();
        assertFalse(list.contains("yesVotes") || list.contains("votesCast"), list);
        // the office sees how many voted, not who chose what, and no tally before the close
        as("office").get("/api/meetings/" + id).then().statusCode(200)
                .body("agenda[0].votesCast", is(2)).body("agenda[0].yesVotes", nullValue())
                .body("agenda[0].outcome", nullValue());
        String office = as("office").get("/api/meetings/" + id).then().extract().asString();
        assertFalse(office.contains("\"YES\"") || office.contains("\"NO\"") || office.contains("choice"), office);
        vote(voters.get(0), id, application, "NO").statusCode(409).body("code", is("ALREADY_VOTED"));
        as(voters.get(0)).get("/api/expert/meetings/" + id).then().body("agenda[0].myVote", is("YES"));
    }

    private record Ballot(String expert, UUID meeting, UUID application, String choice) {
    }

    /** Runs the tasks on their own threads, released together by a barrier; returns their answers in order. */
    private static List<Integer> concurrently(List<Callable<Integer>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> task : tasks) {
                answers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ballot through the API: the status the expert gets. */
    private static Callable<Integer> overHttp(Ballot ballot) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/expert/meetings/" + ballot.meeting() + "/votes/" + ballot.application()))
                .header("Authorization", "Bearer " + DemoUsers.token(ballot.expert()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"choice\":\"" + ballot.choice() + "\"}"))
                .build();
        return () -> http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /**
     * The ballot straight into the service, each call its own transaction: the test's mock Lambda server hands
     * HTTP requests to the function one at a time, so only this reaches the database truly at once.
     */
    private Callable<Integer> direct(Ballot ballot) {
        Actor actor = DemoUsers.actor(ballot.expert());
        return () -> {
            try {
                voting.vote(actor, ballot.meeting(), ballot.application(), Vote.Choice.valueOf(ballot.choice()));
                return 200;
            } catch (Problem problem) {
                return problem.status();
            }
        };
    }

    @Test
    void severalExpertsVotingAtOnceAreAllStored() throws Exception {
        for (boolean http : List.of(true, false)) {
            UUID first = accepted();
            UUID second = accepted();
            today(clock, TODAY);
            UUID id = votingWith(5, first, second);
            List<Callable<Integer>> ballots = new ArrayList<>();
            for (String expert : voters(id)) {
                Ballot yes = new Ballot(expert, id, first, "YES");
                Ballot no = new Ballot(expert, id, second, "NO");
                ballots.add(http ? overHttp(yes) : direct(yes));
                ballots.add(http ? overHttp(no) : direct(no));
            }
            List<Integer> statuses = concurrently(ballots);
            assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
            assertEquals(10L, QuarkusTransaction.requiringNew().call(() -> Vote.count("meetingId", id)));
            close(id).statusCode(200)
                    .body("agenda.find { it.applicationId == '" + first + "' }.outcome", is("PASS"))
                    .body("agenda.find { it.applicationId == '" + first + "' }.yesVotes", is(5))
                    .body("agenda.find { it.applicationId == '" + second + "' }.outcome", is("FAIL"))
                    .body("agenda.find { it.applicationId == '" + second + "' }.noVotes", is(5));
        }
    }

    @Test
    void theSameVoteSentTwiceAtOnceIsStoredOnce() throws Exception {
        for (boolean http : List.of(true, false)) {
            UUID application = accepted();
            today(clock, TODAY);
            UUID id = votingWith(5, application);
            List<Callable<Integer>> ballots = new ArrayList<>();
            List<String> voters = voters(id);
            for (String expert : voters) {
                Ballot yes = new Ballot(expert, id, application, "YES");
                Ballot no = new Ballot(expert, id, application, "NO");
                ballots.add(http ? overHttp(yes) : direct(yes));
                ballots.add(http ? overHttp(no) : direct(no));
            }
            List<Integer> statuses = concurrently(ballots);
            for (int i = 0; i < ballots.size(); i += 2) {
                List<Integer> pair = List.of(statuses.get(i), statuses.get(i + 1));
                assertTrue(pair.contains(200) && pair.contains(409), voters.get(i / 2) + ": " + pair);
            }
            assertEquals(5L, QuarkusTransaction.requiringNew().call(() -> Vote.count("meetingId", id)));
            as("office").get("/api/meetings/" + id).then().body("agenda[0].votesCast", is(5));
        }
    }
}
