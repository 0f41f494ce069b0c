package com.instore.hub.taps;

import com.instore.hub.db.Database;
import com.instore.hub.kiosks.Fleet;
import com.instore.hub.members.Members;
import com.instore.hub.mqtt.Inbound;
import com.instore.hub.mqtt.InvalidInbound;
import com.instore.hub.offers.Offers;
import com.instore.protocol.Channel;
import com.instore.protocol.Credential;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import com.instore.protocol.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline's decisions against a real SQLite database; only the MQTT publish is replaced by a list. */
class TapPipelineTest {
    static final KioskAddress COFFEE = new KioskAddress("demo-store", "coffee");

    private final MessageCodec codec = new MessageCodec();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Sent> sent = new ArrayList<>();

    @TempDir
    Path dir;
    Database db;
    TapPipeline pipeline;

    record Sent(String topic, byte[] payload, String correlation, long expiry) {
    }

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("hub.db"));
        Members members = new Members(db, "secret");
        members.load(Path.of("../config/demo/members.csv"));
        Fleet fleet = Fleet.open(Path.of("../config/store.yaml"), dir, db, codec, Clock.systemUTC());
        pipeline = new TapPipeline(fleet, db, members, Offers.load(Path.of("../config/offers.yaml")),
                "http://hub.local:8080", codec, (topic, payload, correlation, expiry) ->
                sent.add(new Sent(topic, payload, new String(correlation, StandardCharsets.UTF_8), expiry)),
                registry, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void tap_knownCard_greetsTheMemberWithProgressAndOffers() throws Exception {
        TapEvent tap = tap("coffee", "04A22B1A5C8001");

        pipeline.handle(inbound(COFFEE, codec.encode(tap)));

        ScreenUpdate answer = onlyAnswer();
        assertThat(answer.kind()).isEqualTo(ScreenUpdate.Kind.MEMBER);
        assertThat(answer.tapId()).isEqualTo(tap.id());
        assertThat(answer.greeting()).contains("Camille");
        assertThat(answer.member().tier()).isEqualTo("GOLD");
        assertThat(answer.member().points()).isEqualTo(1840);
        assertThat(answer.member().next()).isEqualTo("3160 points to Platinum");
        assertThat(answer.offers()).hasSizeBetween(1, 3);
        assertThat(sent.getFirst().topic()).isEqualTo("stores/demo-store/kiosks/coffee/screen");
        assertThat(sent.getFirst().correlation()).isEqualTo(tap.id());
        assertThat(sent.getFirst().expiry()).isEqualTo(5);
        assertThat(registry.get("hub.taps").tag("result", "recognised").counter().count()).isEqualTo(1.0);
    }

    @Test
    void tap_unknownCard_showsWelcomeWithJoinLink() throws Exception {
        pipeline.handle(inbound(COFFEE, codec.encode(tap("coffee", "04FFFFFFFFFF01"))));

        ScreenUpdate answer = onlyAnswer();
        assertThat(answer.kind()).isEqualTo(ScreenUpdate.Kind.WELCOME);
        assertThat(answer.joinUrl()).isEqualTo("http://hub.local:8080/join");
        assertThat(answer.member()).isNull();
        assertThat(answer.offers()).extracting(o -> o.id()).containsExactly("welcome-coffee");
    }

    @Test
    void tap_redelivered_getsTheSameAnswerAndChangesNothing() throws Exception {
        byte[] payload = codec.encode(tap("coffee", "04A22B1A5C8001"));

        pipeline.handle(inbound(COFFEE, payload));
        pipeline.handle(inbound(COFFEE, payload));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).payload()).isEqualTo(sent.get(0).payload());
        assertThat(count("SELECT COUNT(*) FROM taps")).isEqualTo(1);
        assertThat(count("SELECT points FROM members WHERE member_id = 'm-0001'")).isEqualTo(1840);
        assertThat(registry.get("hub.taps").tag("result", "recognised").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("hub.taps.duplicate").counter().count()).isEqualTo(1.0);
    }

    @Test
    void tap_invalid_isRejectedWithAReasonAndAnswersNothing() {
        assertReason(inbound(COFFEE, "{not json".getBytes(StandardCharsets.UTF_8)), "not_json");
        assertReason(inbound(COFFEE, "{\"v\":1}".getBytes(StandardCharsets.UTF_8)), "invalid");
        assertReason(inbound(COFFEE, codec.encode(tap("entrance", "04A22B1A5C8001"))), "kiosk_mismatch");
        assertReason(inbound(new KioskAddress("demo-store", "ghost"), codec.encode(tap("ghost", "04A22B1A5C8001"))),
                "unknown_kiosk");
        assertThat(sent).isEmpty();
    }

    @Test
    void recent_listsAnsweredTapsWithoutNames() throws Exception {
        pipeline.handle(inbound(COFFEE, codec.encode(tap("coffee", "04A22B1A5C8001"))));

        assertThat(pipeline.recent(20)).singleElement().satisfies(t -> {
            assertThat(t.recognised()).isTrue();
            assertThat(t.tier()).isEqualTo("GOLD");
            assertThat(t.kioskId()).isEqualTo("coffee");
            assertThat(t.latencyMicros()).isNotNull();
        });
    }

    private void assertReason(Inbound in, String reason) {
        assertThatThrownBy(() -> pipeline.handle(in)).isInstanceOfSatisfying(InvalidInbound.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private ScreenUpdate onlyAnswer() throws Exception {
        assertThat(sent).hasSize(1);
        return codec.decode(sent.getFirst().payload(), ScreenUpdate.class);
    }

    private long count(String sql) throws Exception {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static TapEvent tap(String kiosk, String uid) {
        return new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), kiosk, "test-reader",
                new Credential(Credential.Type.CARD_UID, uid), 1);
    }

    static Inbound inbound(KioskAddress kiosk, byte[] payload) {
        return new Inbound(kiosk.topic(Channel.TAP), new Topics.TopicAddress(kiosk, Channel.TAP), payload, false,
                System.nanoTime());
    }
}
