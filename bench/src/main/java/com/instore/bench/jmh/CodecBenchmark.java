package com.instore.bench.jmh;

import com.instore.protocol.Credential;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.MemberProgress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.Offer;
import com.instore.protocol.SchemaVersion;
import com.instore.protocol.ScreenUpdate;
import com.instore.protocol.TapEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JSON codec on the hub's hot path: decode a tap, encode its answer (and the reverse, the kiosk's side). The answer is
 * a realistic member screen with three offers (about 600 bytes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CodecBenchmark {
    private final MessageCodec codec = new MessageCodec();
    private TapEvent tap;
    private ScreenUpdate answer;
    private byte[] tapJson;
    private byte[] answerJson;

    @Setup
    public void setUp() {
        tap = new TapEvent(SchemaVersion.CURRENT, "01964f3e-7c1a-7b2e-9d4f-2a6b8c0d1e2f", Instant.parse("2025-05-01T10:15:30.123Z"),
                "k0001", "acr122-0", new Credential(Credential.Type.CARD_UID, "04A22B1A5C8001"), 4711);
        answer = new ScreenUpdate(SchemaVersion.CURRENT, "01964f3e-7c1b-7c3d-8e5f-3b7c9d1e2f30",
                Instant.parse("2025-05-01T10:15:30.125Z"), "k0001", tap.id(), ScreenUpdate.Kind.MEMBER,
                "Welcome back, Camille!", new MemberProgress("GOLD", 1840, "160 points to Platinum"),
                List.of(new Offer("latte-2for1", "Two lattes for the price of one", "Bring a friend to the coffee corner, today only."),
                        new Offer("silver-pastry", "A pastry with any hot drink", "For Silver members and up."),
                        new Offer("gold-lounge", "15% off the new season", "Gold and Platinum members, all week.")),
                null);
        tapJson = codec.encode(tap);
        answerJson = codec.encode(answer);
    }

    @Benchmark
    public TapEvent decodeTap() throws InvalidMessageException {
        return codec.decode(tapJson, TapEvent.class);
    }

    @Benchmark
    public byte[] encodeTap() {
        return codec.encode(tap);
    }

    @Benchmark
    public ScreenUpdate decodeScreenUpdate() throws InvalidMessageException {
        return codec.decode(answerJson, ScreenUpdate.class);
    }

    @Benchmark
    public byte[] encodeScreenUpdate() {
        return codec.encode(answer);
    }
}
