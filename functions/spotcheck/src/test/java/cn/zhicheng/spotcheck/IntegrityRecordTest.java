package cn.zhicheng.spotcheck;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static cn.zhicheng.spotcheck.SpotCheckTesting.audits;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.integrity.IntegrityKind;
import cn.zhicheng.core.integrity.IntegrityRecord;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The integrity record: searched by staff, seen by its person, rescinded with a reason, never deleted (R20, R21). */
@QuarkusTest
class IntegrityRecordTest {

    @BeforeEach
    void signIn() {
        SpotCheckTesting.signInAll();
    }

    @Test
    void R21_staffFindARecordByNameAndKindAndSeeItsHistory() {
        String idNumber = SpotCheckTesting.freshIdNumber();
        String name = "检索" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = falseProof(name, idNumber);

        as("office").queryParam("q", name).get("/api/integrity-records").then().statusCode(200)
                .body("total", is(1)).body("items[0].id", is(id.toString()))
                .body("items[0].kind", is("FALSE_PROOF")).body("items[0].rule", is("R21"))
                .body("items[0].idNumberMasked", is(IdNumber.mask(idNumber)))
                .body("items[0].unitName", notNullValue()).body("items[0].banActive", is(true));
        as("hrbureau").queryParam("q", idNumber).queryParam("kind", "FALSE_PROOF").queryParam("active", true)
                .get("/api/integrity-records").then().statusCode(200).body("items.id", hasItem(id.toString()));
        as("hrbureau").queryParam("q", name).queryParam("kind", "FRAUD").get("/api/integrity-records")
                .then().body("total", is(0));
        as("hrbureau").queryParam("size", 1).get("/api/integrity-records").then().body("items", hasSize(1));
        // past the last page, however far: an empty page, never a failure
        as("hrbureau").queryParam("page", Integer.MAX_VALUE).queryParam("size", 100).get("/api/integrity-records")
                .then().statusCode(200).body("items", hasSize(0));
        as("applicant").get("/api/integrity-records").then().statusCode(403);
        given().get("/api/integrity-records").then().statusCode(401);
    }

    @Test
    void R20_theHrBureauRescindsARecordWithAReasonAndItNoLongerBars() {
        String idNumber = SpotCheckTesting.freshIdNumber();
        UUID id = falseProof("撤销" + UUID.randomUUID().toString().substring(0, 6), idNumber);
        UUID person = QuarkusTransaction.requiringNew().call(() -> Person.findByIdNumber(idNumber).orElseThrow().id);
        long audits = audits();

        as("office").body(Map.of("reason", "复核撤销", "version", 0)).post("/api/integrity-records/" + id + "/rescission")
                .then().statusCode(403);
        as("hrbureau").body(Map.of("reason", "复核撤销", "version", 7))
                .post("/api/integrity-records/" + id + "/rescission")
                .then().statusCode(409).body("code", is("STALE_VERSION"));
        assertEquals(audits, audits(), "nothing was written");

        as("hrbureau").body(Map.of("reason", "经复核，证明材料属实，撤销记录", "version", 0))
                .post("/api/integrity-records/" + id + "/rescission").then().statusCode(200)
                .body("rescindedAt", notNullValue()).body("banActive", is(false))
                .body("rescissionReason", is("经复核，证明材料属实，撤销记录"))
                .body("history.action", hasItem("INTEGRITY_RECORD_RESCIND"));
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(IntegrityRecord.activeBan(person, LocalDate.now()).isEmpty(),
                    "the rescinded record bars no one");
            assertEquals(1, IntegrityRecord.count("id", id), "the record is kept");
        });
        as("hrbureau").body(Map.of("reason", "again", "version", 1))
                .post("/api/integrity-records/" + id + "/rescission")
                .then().statusCode(409).body("code", is("ALREADY_RESCINDED"));
        as("office").get("/api/integrity-records/" + id).then().statusCode(200)
                .body("history.action", hasItem("INTEGRITY_RECORD_RESCIND"));
    }

    @Test
    void anApplicantSeesOnlyTheRecordsNamingThem() {
        UUID applicant = DemoUsers.actor("applicant").personId();
        UUID own = QuarkusTransaction.requiringNew().call(() -> record(IntegrityKind.CERTIFICATE_MISUSE, applicant,
                null, "R31 测试：证书被他人冒用", null));
        UUID other = falseProof("他人" + UUID.randomUUID().toString().substring(0, 6),
                SpotCheckTesting.freshIdNumber());
        as("applicant").get("/api/me/integrity-records").then().statusCode(200)
                .body("id", hasItem(own.toString()))
                .body("id", org.hamcrest.Matchers.not(hasItem(other.toString())))
                .body("idNumberMasked", everyItem(is("3707**********1230")));
        as("unit").get("/api/me/integrity-records").then().statusCode(403);
    }

    /** A FALSE_PROOF record, as the HR bureau's confirmation would enter it, for a new person. */
    private static UUID falseProof(String name, String idNumber) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person person = Person.create(name, IdNumber.parse(idNumber), Instant.now());
            person.persist();
            UUID unit = Unit.findByCode("WFDLSJY").orElseThrow().id;
            return record(IntegrityKind.FALSE_PROOF, person.id, unit, "测试：出具虚假证明", LocalDate.now().plusYears(5));
        });
    }

    private static UUID record(IntegrityKind kind, UUID personId, UUID unitId, String summary, LocalDate banEndsOn) {
        IntegrityRecord record = new IntegrityRecord();
        record.id = UUID.randomUUID();
        record.kind = kind;
        record.personId = personId;
        record.personName = Person.<Person>findById(personId).name;
        record.unitId = unitId;
        record.summary = summary;
        record.confirmedOn = LocalDate.now();
        record.banEndsOn = banEndsOn;
        record.createdAt = Instant.now();
        record.persist();
        return record.id;
    }
}
