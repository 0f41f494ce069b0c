package com.instore.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.KioskStatus;
import com.instore.protocol.PrintJob;
import com.instore.protocol.SchemaVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Print jobs from the hub over a real broker to an agent with {@code printer: simulated}: the simulated printer listens on
 * loopback TCP, so the job goes through the real ESC/POS encoder and socket, and comes out as a PNG whose codes ZXing reads.
 */
class PrintJobIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path tempDir;
    static TestBroker broker;
    static TestHub hub;
    static RunningAgent agent;
    static Path receipts;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start(tempDir.resolve("broker"));
        hub = new TestHub(broker.uri(), RunningAgent.KIOSK);
        agent = new RunningAgent(tempDir, broker.uri(), Map.of("agent.printer.uri", "simulated",
                "agent.printer.header", "Demo Store", "agent.printer.status-poll-ms", "200"));
        receipts = tempDir.resolve("agent/receipts");
        await().atMost(WAIT).until(agent::mqttConnected);
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void paperIn() throws Exception {
        setPaper("OK");
        await().atMost(WAIT).until(() -> printerHealth() != null && printerHealth().state() == DeviceHealth.State.OK);
    }

    @Test
    void printJob_overMqtt_becomesAPngReceiptWhoseQrIsThePayload() throws Exception {
        PrintJob job = job(memberTap(), "CPN-7F3K");
        int before = Receipts.in(receipts).size();

        hub.print(job);

        await().atMost(WAIT).until(() -> Receipts.in(receipts).size() > before);
        Path png = Receipts.in(receipts).getLast();
        await().atMost(WAIT).untilAsserted(() -> assertThat(Receipts.codes(png))
                .containsExactly("CODE_128:CPN-7F3K", "QR_CODE:" + job.qrPayload()));
        assertThat(agent.screen().get("state").asText()).isEqualTo("member");
    }

    @Test
    void paperOut_jobFails_andTheScreenShowsTheCouponQr() throws Exception {
        setPaper("OUT");
        await().atMost(WAIT).untilAsserted(() -> assertThat(printerHealth()).satisfies(h -> {
            assertThat(h.state()).isEqualTo(DeviceHealth.State.OFFLINE);
            assertThat(h.detail()).startsWith("paper out");
        }));
        PrintJob job = job(memberTap(), "CPN-OUT1");
        int before = Receipts.in(receipts).size();

        hub.print(job);

        await().atMost(WAIT).untilAsserted(() -> assertThat(agent.screen().get("state").asText())
                .isEqualTo("printfallback"));
        JsonNode screen = agent.screen();
        assertThat(screen.get("tapId").asText()).isEqualTo(job.tapId());
        assertThat(screen.get("message").asText()).startsWith("The printer is out of paper");
        JsonNode coupon = screen.get("printFallback");
        assertThat(coupon.get("code").asText()).isEqualTo("CPN-OUT1");
        assertThat(coupon.get("lines").get(0).asText()).isEqualTo("2-for-1 espresso");
        assertThat(Receipts.codesInDataUrl(coupon.get("qrImage").asText())).containsExactly("QR_CODE:" + job.qrPayload());
        assertThat(Receipts.in(receipts)).hasSize(before);
    }

    @Test
    void paperNearEnd_reachesTheRetainedStatusAsDegraded() throws Exception {
        setPaper("NEAR_END");

        await().atMost(WAIT).untilAsserted(() -> assertThat(printerHealth().state())
                .isEqualTo(DeviceHealth.State.DEGRADED));
        assertThat(printerHealth().detail()).startsWith("paper near end - simulated printer tcp://127.0.0.1:");
        try (TestHub later = new TestHub(broker.uri(), RunningAgent.KIOSK)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(later.lastStatus()).isNotNull());
            KioskStatus retained = later.lastStatus();
            assertThat(retained.presence()).isEqualTo(KioskStatus.Presence.ONLINE);
            assertThat(retained.printer().state()).isEqualTo(DeviceHealth.State.DEGRADED);
        }
    }

    @Test
    void invalidJob_isCountedAndDropped_andTheNextJobPrints() throws Exception {
        int before = Receipts.in(receipts).size();

        hub.publishPrint("{\"couponCode\": 42".getBytes(StandardCharsets.UTF_8));
        PrintJob job = job(memberTap(), "CPN-NEXT");
        hub.print(job);

        await().atMost(WAIT).until(() -> Receipts.in(receipts).size() > before);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Receipts.codes(Receipts.in(receipts).getLast()))
                .contains("CODE_128:CPN-NEXT"));
        assertThat(agent.get("/metrics").body()).contains("kiosk_messages_invalid_total");
    }

    @Test
    void redeliveredJob_printsOnce() throws Exception {
        String tapId = memberTap();
        PrintJob first = job(tapId, "CPN-ONCE");
        PrintJob second = job(tapId, "CPN-TWICE");
        int before = Receipts.in(receipts).size();

        hub.print(first);
        hub.print(first);
        hub.print(second);

        await().atMost(WAIT).until(() -> Receipts.in(receipts).size() >= before + 2
                && Receipts.in(receipts).stream().anyMatch(p -> Receipts.codes(p).contains("CODE_128:CPN-TWICE")));
        List<String> printed = Receipts.in(receipts).stream().skip(before)
                .flatMap(p -> Receipts.codes(p).stream()).filter(c -> c.startsWith("CODE_128:")).toList();
        assertThat(printed).containsExactlyInAnyOrder("CODE_128:CPN-ONCE", "CODE_128:CPN-TWICE");
    }

    /** A tap answered as a member: the screen a shopper touches "print coupon" on. */
    private static String memberTap() throws Exception {
        await().atMost(WAIT).until(() -> !agent.screen().get("state").asText().equals("tap"));
        String tapId = agent.tap("04A22B1A5C8001");
        hub.nextTap(WAIT);
        hub.answerMember(tapId, "Hello Camille", List.of());
        await().atMost(WAIT).until(() -> agent.screen().get("state").asText().equals("member"));
        return tapId;
    }

    private static PrintJob job(String tapId, String code) {
        return new PrintJob(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "entrance", tapId, code,
                "https://hub.local/c/" + code, List.of("2-for-1 espresso", "Valid until Sunday"));
    }

    private static void setPaper(String paper) throws Exception {
        assertThat(agent.post("/simulate/printer", "{\"paper\":\"" + paper + "\"}").statusCode()).isEqualTo(204);
    }

    private static DeviceHealth printerHealth() {
        KioskStatus status = hub.lastStatus();
        return status == null ? null : status.printer();
    }
}
