package com.instore.hub.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A writer's held connection: statements reused across transactions, same transactions as the pool's. */
class HeldConnectionTest {
    @TempDir
    Path dir;

    private static void createTable(Database db) throws SQLException {
        db.withConnection(c -> Sql.update(c, "CREATE TABLE t (k VARCHAR(20) PRIMARY KEY, v BIGINT NOT NULL)"));
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void inTransaction_sameSqlAgain_reusesTheStatementWithFreshParameters(TestDb kind) throws Exception {
        try (Database db = kind.open(dir); HeldConnection held = db.hold(60_000)) {
            createTable(db);
            List<PreparedStatement> handedOut = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long value = i;
                held.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (k, v) VALUES (?, ?)")) {
                        handedOut.add(ps);
                        ps.setString(1, "k" + value);
                        ps.setLong(2, value * 10);
                        return ps.executeUpdate();
                    }
                });
            }

            assertThat(handedOut).hasSize(3).allSatisfy(ps -> assertThat(ps).isSameAs(handedOut.getFirst()));
            List<Long> values = held.inTransaction(c -> Sql.list(c, "SELECT v FROM t ORDER BY k", rs -> rs.getLong(1)));
            assertThat(values).containsExactly(0L, 10L, 20L);
        }
    }

    @Test
    void holdDeferringSync_sqlite_commitsWithoutWaitingForTheDiskAndGivesThePoolItsFullSyncBack() throws Exception {
        DbConfig sqlite = TestDb.SQLITE.fresh(dir);
        DbConfig oneConnection = new DbConfig(sqlite.url(), sqlite.user(), sqlite.passwordFile(), 1);
        try (Database db = Database.open(oneConnection); HeldConnection held = db.holdDeferringSync(60_000)) {
            createTable(db);
            long heldMode = held.inTransaction(c -> {
                Sql.update(c, "INSERT INTO t (k, v) VALUES ('a', 1)");
                return synchronous(c);
            });
            db.syncCommitted();
            held.release();

            assertThat(heldMode).isEqualTo(1); // NORMAL: the WAL is written at the commit, synced by syncCommitted
            // The pool's one connection is the one just given back, with FULL again (2) for everyone else.
            assertThat(db.withConnection(HeldConnectionTest::synchronous)).isEqualTo(2);
            List<Long> values = db.withConnection(c -> Sql.list(c, "SELECT v FROM t", rs -> rs.getLong(1)));
            assertThat(values).containsExactly(1L);
        }
    }

    private static long synchronous(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("PRAGMA synchronous"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void inTransaction_sameSqlNestedWhileInUse_getsASecondStatement(TestDb kind) throws Exception {
        try (Database db = kind.open(dir); HeldConnection held = db.hold(60_000)) {
            createTable(db);
            db.withConnection(c -> Sql.update(c, "INSERT INTO t (k, v) VALUES ('a', 1), ('b', 2)"));
            String sql = "SELECT v FROM t WHERE k = ?";

            long sum = held.inTransaction(c -> {
                try (PreparedStatement outer = c.prepareStatement(sql)) {
                    outer.setString(1, "a");
                    try (ResultSet rs = outer.executeQuery()) {
                        rs.next();
                        long inner = Sql.count(c, sql, "b");
                        return rs.getLong(1) + inner;
                    }
                }
            });

            assertThat(sum).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void inTransaction_workThrows_rollsBackAndTheNextTransactionWorks(TestDb kind) throws Exception {
        try (Database db = kind.open(dir); HeldConnection held = db.hold(60_000)) {
            createTable(db);

            assertThatThrownBy(() -> held.inTransaction(c -> {
                Sql.update(c, "INSERT INTO t (k, v) VALUES ('lost', 1)");
                return Sql.update(c, "INSERT INTO t (k, v) VALUES ('lost', 2)"); // duplicate key
            })).isInstanceOf(SQLException.class);
            assertThat(held.holding()).isFalse();
            held.inTransaction(c -> Sql.update(c, "INSERT INTO t (k, v) VALUES ('kept', 3)"));

            List<String> keys = db.withConnection(c -> Sql.list(c, "SELECT k FROM t", rs -> rs.getString(1)));
            assertThat(keys).containsExactly("kept");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void release_givesTheConnectionBack_andTheNextTransactionTakesOneAgain(TestDb kind) throws Exception {
        try (Database db = kind.open(dir); HeldConnection held = db.hold(60_000)) {
            createTable(db);
            held.inTransaction(c -> Sql.update(c, "INSERT INTO t (k, v) VALUES ('a', 1)"));
            assertThat(held.holding()).isTrue();

            held.release();

            assertThat(held.holding()).isFalse();
            long value = held.inTransaction(c -> Sql.count(c, "SELECT v FROM t WHERE k = ?", "a"));
            assertThat(value).isEqualTo(1);
        }
    }

    @Test
    void checkpoint_sqlite_copiesTheWalSoTheNextTransactionStartsItOver() throws Exception {
        try (Database db = TestDb.SQLITE.open(dir); HeldConnection held = db.hold(60_000)) {
            db.withConnection(c -> Sql.update(c, "CREATE TABLE w (k VARCHAR(20) PRIMARY KEY, pad VARCHAR(2000))"));
            insertRows(held, "a", 200);
            insertRows(held, "b", 1);
            long withoutCheckpoint = TestDb.walFrames(db); // checkpoints too: the WAL starts over at the next write

            insertRows(held, "c", 200);
            held.checkpoint();
            insertRows(held, "d", 1);
            long afterCheckpoint = TestDb.walFrames(db);

            assertThat(withoutCheckpoint).isGreaterThan(20);
            assertThat(afterCheckpoint).isLessThan(5);
            long rows = db.withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM w"));
            assertThat(rows).isEqualTo(402);
        }
    }

    @Test
    void checkpoint_postgres_changesNothing() throws Exception {
        try (Database db = TestDb.POSTGRES.open(dir); HeldConnection held = db.hold(60_000)) {
            createTable(db);
            held.inTransaction(c -> Sql.update(c, "INSERT INTO t (k, v) VALUES ('a', 1), ('b', 2), ('c', 3)"));

            held.checkpoint();

            assertThat(held.holding()).isTrue();
            long rows = held.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM t"));
            assertThat(rows).isEqualTo(3);
        }
    }

    /** {@code count} rows of ~1 KB into {@code w} in one transaction, keys {@code prefix}0.. */
    private static void insertRows(HeldConnection held, String prefix, int count) throws SQLException {
        held.inTransaction(c -> {
            for (int i = 0; i < count; i++) {
                Sql.update(c, "INSERT INTO w (k, pad) VALUES (?, ?)", prefix + i, "x".repeat(1_000));
            }
            return count;
        });
    }
}
