package com.instore.agent.outbox;

import com.instore.agent.link.TapRefusedException;
import com.instore.protocol.Credential;
import com.instore.protocol.DeviceHealth;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.TapEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox on a real SQLite file in a temp directory. */
class SqliteOutboxTest {
    private final MessageCodec codec = new MessageCodec();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<SqliteOutbox> opened = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void closeAll() {
        opened.forEach(SqliteOutbox::close);
    }

    @Test
    void takeNext_givesTapsInSeqOrder_andAnsweredRemovesThem() throws Exception {
        SqliteOutbox outbox = open(10);
        TapEvent first = tap(outbox);
        TapEvent second = tap(outbox);
        outbox.add(first);
        outbox.add(second);

        assertThat(outbox.takeNext()).contains(first);
        assertThat(outbox.takeNext()).contains(second);
        assertThat(outbox.takeNext()).isEmpty();
        delivered(outbox, first.id());

        assertThat(outbox.size()).isEqualTo(1);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void restart_keepsEveryUnansweredTap_inOrder_includingInFlightOnes() throws Exception {
        SqliteOutbox before = open(10);
        List<TapEvent> taps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taps.add(tap(before));
            before.add(taps.getLast());
        }
        before.takeNext();
        before.takeNext();
        delivered(before, taps.get(1).id());
        before.close();

        SqliteOutbox after = open(10);

        assertThat(after.size()).isEqualTo(3);
        assertThat(List.of(after.takeNext(), after.takeNext(), after.takeNext(), after.takeNext())).containsExactly(
                Optional.of(taps.get(0)), Optional.of(taps.get(2)), Optional.of(taps.get(3)), Optional.empty());
    }

    @Test
    void seq_continuesAfterARestart_evenWhenEverythingWasDelivered() throws Exception {
        SqliteOutbox before = open(10);
        TapEvent tap = tap(before);
        before.add(tap);
        before.takeNext();
        delivered(before, tap.id());
        before.close();

        assertThat(open(10).nextSeq()).isGreaterThan(tap.seq());
    }

    @Test
    void full_refusesNewTapsWithTheCount_keepsTheOldOnes_andRecoversWhenTheHubTakesSome() throws Exception {
        SqliteOutbox outbox = open(3);
        AtomicInteger changes = new AtomicInteger();
        outbox.onHealthChange(changes::incrementAndGet);
        List<TapEvent> kept = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            kept.add(tap(outbox));
            outbox.add(kept.getLast());
        }

        assertThatThrownBy(() -> outbox.add(tap(outbox))).isInstanceOf(TapRefusedException.class)
                .hasMessageContaining("outbox full: 3 taps waiting");
        assertThat(outbox.health().state()).isEqualTo(DeviceHealth.State.DEGRADED);
        assertThat(outbox.size()).isEqualTo(3);
        assertThat(registry.get("kiosk.outbox.refused").tag("reason", "full").counter().count()).isEqualTo(1.0);

        delivered(outbox, outbox.takeNext().orElseThrow().id());

        assertThat(outbox.health().state()).isEqualTo(DeviceHealth.State.OK);
        assertThat(changes.get()).isEqualTo(2);
        outbox.add(tap(outbox));
        assertThat(outbox.takeNext()).contains(kept.get(1));
    }

    @Test
    void sameTapTwice_isKeptOnce() throws Exception {
        SqliteOutbox outbox = open(10);
        TapEvent tap = tap(outbox);

        outbox.add(tap);
        outbox.add(tap);

        assertThat(outbox.size()).isEqualTo(1);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void dataDirThatCannotBeCreated_refusesTapsWithTheReason_andNeverThrowsOtherwise() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        SqliteOutbox outbox = track(SqliteOutbox.open(new OutboxConfig(notADirectory.resolve("outbox.db"), 10), codec,
                registry));

        assertThat(outbox.health().state()).isEqualTo(DeviceHealth.State.OFFLINE);
        assertThat(outbox.health().detail()).startsWith("outbox unusable: cannot open").contains("plain-file");
        assertThatThrownBy(() -> outbox.add(tap(outbox))).isInstanceOf(TapRefusedException.class)
                .hasMessageContaining("outbox unusable");
        assertThat(outbox.takeNext()).isEmpty();
        assertThat(outbox.size()).isZero();
    }

    @Test
    void fileThatIsNotADatabase_isRefused_andLeftUntouchedForAHuman() throws Exception {
        byte[] garbage = "this is not a database, but somebody may need it".repeat(100).getBytes();
        Files.write(dir.resolve("outbox.db"), garbage);

        SqliteOutbox outbox = open(10);

        assertThat(outbox.health().state()).isEqualTo(DeviceHealth.State.OFFLINE);
        assertThat(outbox.health().detail()).contains("not a database");
        assertThatThrownBy(() -> outbox.add(tap(outbox))).isInstanceOf(TapRefusedException.class);
        assertThat(Files.readAllBytes(dir.resolve("outbox.db"))).isEqualTo(garbage);
    }

    @Test
    void fileFromAnAgentThatUsedFlyway_keepsItsTaps_andIsMarkedAsSchema1() throws Exception {
        TapEvent waiting;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("outbox.db"));
             Statement st = c.createStatement()) {
            // What Flyway's V1__outbox.sql left (before 2026-11-26): the same table, user_version 0, a history table.
            st.executeUpdate("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY)");
            st.executeUpdate("""
                    CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, tap_id TEXT NOT NULL UNIQUE,
                        payload BLOB NOT NULL, state TEXT NOT NULL DEFAULT 'queued'
                        CHECK (state IN ('queued', 'sent', 'unreadable')),
                        attempts INTEGER NOT NULL DEFAULT 0, stored_at TEXT NOT NULL)""");
            waiting = new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "entrance",
                    "test-reader", new Credential(Credential.Type.CARD_UID, "04A22B1A5C8001"), 7);
            try (var insert = c.prepareStatement("INSERT INTO outbox (seq, tap_id, payload, stored_at) VALUES (7, ?, ?, ?)")) {
                insert.setString(1, waiting.id());
                insert.setBytes(2, codec.encode(waiting));
                insert.setString(3, Instant.now().toString());
                insert.executeUpdate();
            }
        }

        SqliteOutbox outbox = open(10);

        assertThat(outbox.health().state()).isEqualTo(DeviceHealth.State.OK);
        assertThat(outbox.takeNext()).contains(waiting);
        assertThat(outbox.nextSeq()).isEqualTo(8);
        assertThat(this.<Integer>query("PRAGMA user_version", rs -> rs.getInt(1))).isEqualTo(OutboxSchema.VERSION);
    }

    @Test
    void fileFromANewerAgent_isRefused_andItsTapsLeftAsTheyAre() throws Exception {
        SqliteOutbox first = open(10);
        first.add(tap(first));
        first.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("outbox.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA user_version = " + (OutboxSchema.VERSION + 1));
        }

        SqliteOutbox outbox = open(10);

        assertThat(outbox.health().state()).isEqualTo(DeviceHealth.State.OFFLINE);
        assertThat(outbox.health().detail()).contains("written by a newer agent");
        assertThatThrownBy(() -> outbox.add(tap(outbox))).isInstanceOf(TapRefusedException.class);
        assertThat(rows()).isEqualTo(1);
        assertThat(this.<Integer>query("PRAGMA user_version", rs -> rs.getInt(1))).isEqualTo(OutboxSchema.VERSION + 1);
    }

    @ParameterizedTest(name = "hub answers first: {0}")
    @ValueSource(booleans = {false, true})
    void row_staysUntilBothThePubackAndTheAnswerCame_whicheverComesFirst(boolean answerFirst) throws Exception {
        SqliteOutbox outbox = open(10);
        TapEvent tap = tap(outbox);
        outbox.add(tap);
        outbox.takeNext();
        // With hub.taps.answer: at-commit the answer may come first; the hub's broker acknowledges once the tap is on disk.
        Consumer<String> first = answerFirst ? outbox::answered : outbox::acknowledged;
        Consumer<String> second = answerFirst ? outbox::acknowledged : outbox::answered;

        first.accept(tap.id());

        assertThat(outbox.size()).isEqualTo(1);
        assertThat(outbox.awaitingAnswer()).isEqualTo(1);
        assertThat(rows()).isEqualTo(1);
        second.accept(tap.id());
        assertThat(outbox.size()).isZero();
        assertThat(rows()).isZero();
    }

    @Test
    void answeredButNeverAcknowledged_isSentAgainAfterADropAndARestart_andLeavesWithTheNextPuback() throws Exception {
        SqliteOutbox before = open(10);
        TapEvent tap = tap(before);
        before.add(tap);
        before.takeNext();
        before.answered(tap.id());
        before.requeueAll(); // the connection dropped before the PUBACK (the hub may have lost power)
        assertThat(before.takeNext()).contains(tap);
        before.close(); // and the kiosk restarted

        SqliteOutbox after = open(10);
        assertThat(after.takeNext()).contains(tap);
        after.acknowledged(tap.id());
        assertThat(after.size()).isEqualTo(1); // this run has not seen the answer yet
        after.answered(tap.id()); // the hub answers the tap sent again (from what it stored, or deciding it now)

        assertThat(after.size()).isZero();
        assertThat(rows()).isZero();
        after.answered(tap.id()); // a late second answer changes nothing
        assertThat(after.size()).isZero();
    }

    @Test
    void connectionLost_sendsAcceptedButUnansweredTapsAgain_inSeqOrder() throws Exception {
        SqliteOutbox outbox = open(10);
        TapEvent first = tap(outbox);
        TapEvent second = tap(outbox);
        outbox.add(first);
        outbox.add(second);
        outbox.takeNext();
        outbox.takeNext();
        outbox.acknowledged(first.id()); // the broker took it; the second is still in flight

        outbox.requeueAll();

        assertThat(List.of(outbox.takeNext(), outbox.takeNext(), outbox.takeNext()))
                .containsExactly(Optional.of(first), Optional.of(second), Optional.empty());
    }

    @Test
    void answerOverdue_sendsTheTapAgainAfter30s_thenWaitsTwiceAsLong() throws Exception {
        long[] now = {0};
        SqliteOutbox outbox = track(SqliteOutbox.open(new OutboxConfig(dir.resolve("outbox.db"), 10), codec, registry,
                () -> now[0]));
        TapEvent tap = tap(outbox);
        outbox.add(tap);
        outbox.acknowledged(outbox.takeNext().orElseThrow().id());

        now[0] = Duration.ofSeconds(29).toNanos();
        assertThat(outbox.resendOverdue()).isZero();
        now[0] = Duration.ofSeconds(30).toNanos();
        assertThat(outbox.resendOverdue()).isEqualTo(1);
        outbox.acknowledged(outbox.takeNext().orElseThrow().id());
        now[0] += Duration.ofSeconds(59).toNanos();
        assertThat(outbox.resendOverdue()).isZero();
        now[0] += Duration.ofSeconds(1).toNanos();
        assertThat(outbox.resendOverdue()).isEqualTo(1);
    }

    @Test
    void answerForATapSentAgainButNotYetTaken_removesItsRow_andALateSecondAnswerChangesNothing() throws Exception {
        SqliteOutbox outbox = open(10);
        TapEvent tap = tap(outbox);
        outbox.add(tap);
        outbox.acknowledged(outbox.takeNext().orElseThrow().id());
        outbox.requeueAll();

        outbox.answered(tap.id());
        outbox.answered(tap.id());

        assertThat(outbox.size()).isZero();
        assertThat(rows()).isZero();
        assertThat(outbox.takeNext()).isEmpty();
    }

    @Test
    void add_commitsEachTapDurably_observedWriteTime() throws Exception {
        SqliteOutbox outbox = open(10_000);
        int taps = 300;
        for (int i = 0; i < taps; i++) {
            outbox.add(tap(outbox));
        }

        var writes = registry.get("kiosk.outbox.write").timer();
        System.out.printf("observed outbox write (insert + commit with fsync) per tap: mean %.3f ms, max %.3f ms "
                + "over %d taps%n", writes.mean(TimeUnit.MILLISECONDS), writes.max(TimeUnit.MILLISECONDS), taps);
        assertThat(writes.count()).isEqualTo(taps);
        assertThat(integrityCheck()).isEqualTo("ok");
    }

    /** The broker's PUBACK, then the hub's answer: the tap may leave. */
    private static void delivered(SqliteOutbox outbox, String tapId) {
        outbox.acknowledged(tapId);
        outbox.answered(tapId);
    }

    private SqliteOutbox open(int capacity) {
        return track(SqliteOutbox.open(new OutboxConfig(dir.resolve("outbox.db"), capacity), codec, registry));
    }

    private SqliteOutbox track(SqliteOutbox outbox) {
        opened.add(outbox);
        return outbox;
    }

    private static TapEvent tap(SqliteOutbox outbox) {
        return new TapEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), Instant.now(), "entrance",
                "test-reader", new Credential(Credential.Type.CARD_UID, "04A22B1A5C8001"), outbox.nextSeq());
    }

    private long rows() throws Exception {
        return query("SELECT count(*) FROM outbox", rs -> rs.getLong(1));
    }

    private String integrityCheck() throws Exception {
        return query("PRAGMA integrity_check", rs -> rs.getString(1));
    }

    private <T> T query(String sql, Column<T> column) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("outbox.db"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return column.get(rs);
        }
    }

    private interface Column<T> {
        T get(ResultSet rs) throws Exception;
    }
}
