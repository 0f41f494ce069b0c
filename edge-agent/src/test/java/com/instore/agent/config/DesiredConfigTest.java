package com.instore.agent.config;

import com.instore.protocol.ConfigReport;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.KioskConfig;
import com.instore.protocol.MessageCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DesiredConfigTest {
    private static final KioskAddress KIOSK = new KioskAddress("demo-store", "coffee");
    private final MessageCodec codec = new MessageCodec();
    private final BlockingQueue<ConfigReport> reports = new LinkedBlockingQueue<>();
    private final AtomicReference<Duration> timeout = new AtomicReference<>();
    private final AtomicReference<ScreenSettings> screen = new AtomicReference<>(ScreenSettings.DEFAULTS);
    @TempDir
    Path dataDir;
    private DesiredConfig desired;

    private DesiredConfig start() {
        desired = new DesiredConfig(KIOSK, dataDir, new KioskTargets(timeout::set, screen::set,
                new KioskTargets.Running("simulated", -1, "none"), Optional.empty()), (topic, payload) -> {
            try {
                reports.add(codec.decode(payload, ConfigReport.class));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, codec, Clock.systemUTC());
        return desired;
    }

    @AfterEach
    void stop() {
        desired.close();
    }

    private static KioskConfig config(long version, String reader, long answerMs) {
        return new KioskConfig(1, UUID.randomUUID().toString(), Instant.now(), "coffee", version, reader, "none",
                "dark", "fr-FR", answerMs, 2, 1500);
    }

    private ConfigReport nextReport() throws InterruptedException {
        ConfigReport report = reports.poll(5, TimeUnit.SECONDS);
        assertThat(report).as("a report").isNotNull();
        return report;
    }

    @Test
    void goodConfig_isAppliedLive_andReported() throws Exception {
        start().onDesired(codec.encode(config(4, "simulated", 1200)));
        ConfigReport report = nextReport();
        assertThat(report.outcome()).isEqualTo(ConfigReport.Outcome.APPLIED);
        assertThat(report.appliedVersion()).isEqualTo(4);
        assertThat(report.restarted()).isEmpty();
        assertThat(timeout.get()).isEqualTo(Duration.ofMillis(1200));
        assertThat(screen.get().language()).isEqualTo("fr-FR");
    }

    @Test
    void unsupportedReader_isRefusedWithTheReason_andTheLastGoodStays() throws Exception {
        start().onDesired(codec.encode(config(1, "simulated", 900)));
        nextReport();
        desired.onDesired(codec.encode(config(2, "laser", 300)));
        ConfigReport refused = nextReport();
        assertThat(refused.outcome()).isEqualTo(ConfigReport.Outcome.REFUSED);
        assertThat(refused.reason()).contains("laser");
        assertThat(refused.appliedVersion()).isEqualTo(1);
        assertThat(refused.refusedVersion()).isEqualTo(2);
        assertThat(timeout.get()).isEqualTo(Duration.ofMillis(900));
        assertThat(desired.applied().map(KioskConfig::version)).contains(1L);
    }

    @Test
    void themeOrLanguageThePageDoesNotHave_isRefused_andTheScreenKeepsItsSettings() throws Exception {
        start().onDesired(codec.encode(config(1, "simulated", 900)));
        nextReport();
        KioskConfig good = config(2, "simulated", 900);
        desired.onDesired(codec.encode(new KioskConfig(1, UUID.randomUUID().toString(), Instant.now(), "coffee", 2,
                "simulated", "none", "neon", "fr", 900, 2, 1500)));
        assertThat(nextReport().reason()).contains("theme 'neon'");
        desired.onDesired(codec.encode(new KioskConfig(1, UUID.randomUUID().toString(), Instant.now(), "coffee", 3,
                "simulated", "none", "dark", "ja", 900, 2, 1500)));
        assertThat(nextReport().reason()).contains("language 'ja'");
        assertThat(screen.get().theme()).isEqualTo(good.theme());
        assertThat(screen.get().language()).isEqualTo("fr-FR");
    }

    @Test
    void unreadableConfig_isRefused() throws Exception {
        start().onDesired("{not json".getBytes(StandardCharsets.UTF_8));
        ConfigReport refused = nextReport();
        assertThat(refused.outcome()).isEqualTo(ConfigReport.Outcome.REFUSED);
        assertThat(refused.reason()).contains("unreadable");
    }

    @Test
    void lastGood_survivesARestart() throws Exception {
        start().onDesired(codec.encode(config(7, "simulated", 1100)));
        nextReport();
        desired.close();
        timeout.set(null);
        start().restore();
        assertThat(desired.applied().map(KioskConfig::version)).contains(7L);
        assertThat(timeout.get()).isEqualTo(Duration.ofMillis(1100));
        assertThat(LastGood.deviceOverrides(dataDir)).containsEntry("agent.reader.type", "simulated");
    }

    @Test
    void printerChange_withoutRestartHook_waitsForTheNextStart() throws Exception {
        KioskConfig withPrinter = new KioskConfig(1, UUID.randomUUID().toString(), Instant.now(), "coffee", 3,
                "simulated", "tcp://10.0.0.5:9100", "default", "en", 800, 3, 1500);
        start().onDesired(codec.encode(withPrinter));
        assertThat(nextReport().restarted()).isEqualTo(List.of("printer (at next start)"));
    }
}
