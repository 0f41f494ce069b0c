package com.instore.bench.jmh;

import com.instore.bench.load.Roster;
import com.instore.hub.db.Database;
import com.instore.hub.members.Member;
import com.instore.hub.members.Members;
import com.instore.protocol.Credential;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Credential resolution as the hub's tap pipeline does it ({@link Members#recognise}): HMAC the card UID with the store
 * secret, look it up in the hub's SQLite database (WAL, the hub's own schema and pool). Members are generated and loaded
 * through the hub's own CSV import; known and unknown cards are measured apart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RecognitionBenchmark {
    @Param({"1000", "20000"})
    public int members;

    private Path dir;
    private Database db;
    private Members recognition;
    private List<Credential> known;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        dir = Files.createTempDirectory("bench-recognition-");
        Roster roster = Roster.generate(members, 42);
        roster.writeCsv(dir.resolve("members.csv"));
        db = Database.open(dir.resolve("hub.db"));
        recognition = new Members(db, "0123456789abcdef0123456789abcdef");
        recognition.load(dir.resolve("members.csv"));
        known = roster.cardUids().stream().limit(1_000).map(uid -> new Credential(Credential.Type.CARD_UID, uid)).toList();
    }

    @Benchmark
    public Optional<Member> knownCard() throws SQLException {
        Credential card = known.get(next++ % known.size());
        return db.withConnection(c -> recognition.recognise(c, card));
    }

    @Benchmark
    public Optional<Member> unknownCard() throws SQLException {
        Credential card = new Credential(Credential.Type.CARD_UID, "04FFFFFF%06X".formatted(next++ & 0xFFFFFF));
        return db.withConnection(c -> recognition.recognise(c, card));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
