package com.instore.hub.dashboard;

import com.instore.hub.kiosks.KioskView;
import com.instore.hub.taps.RecentTap;
import com.instore.protocol.DeviceHealth;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardPageTest {
    private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void render_escapesTheStoreName_andLoadsOnlyLocalAssets() {
        String html = DashboardPage.render("<script>alert(1)</script>");

        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;", "src=\"/assets/dashboard.js\"")
                .doesNotContain("http://", "https://");
    }

    @Test
    void feedItem_isPseudonymous_tierZoneOffersLatency() {
        Snapshot.FeedItem item = DashboardState.feedItem(new RecentTap(NOON, "coffee", true, "GOLD", 2, 38_200L));

        assertThat(item.text()).isEqualTo("Gold member - coffee - 2 offers - 38 ms");
        assertThat(DashboardState.feedItem(new RecentTap(NOON, "entrance", false, null, 0, null)).text())
                .isEqualTo("Guest - entrance - 0 offers");
    }

    @Test
    void percentile_isNearestRank_inMilliseconds() {
        long[] micros = {1000, 2000, 3000, 4000, 100_000};

        assertThat(Figures.percentile(micros, 0.5)).isEqualTo(3.0);
        assertThat(Figures.percentile(micros, 0.95)).isEqualTo(100.0);
        assertThat(Figures.percentile(new long[0], 0.95)).isEqualTo(-1.0);
    }

    @Test
    void alerts_kioskOffline_paperNearEnd_readerOffline_latencyOverBudget() {
        double[] p95 = new double[24];
        p95[12] = 250;
        Figures.Today today = new Figures.Today(1, 1, 0, 0, 0, 250, 250, new long[24], p95, java.util.Map.of());
        List<KioskView> kiosks = List.of(
                new KioskView("s", "entrance", "entrance", false, NOON, "1", null, null, null),
                new KioskView("s", "coffee", "coffee", true, NOON, "1", new DeviceHealth(DeviceHealth.State.OFFLINE, ""),
                        new DeviceHealth(DeviceHealth.State.DEGRADED, "paper near end"), DeviceHealth.ok("")));

        List<Snapshot.Alert> alerts = new Alerts(100, ZoneOffset.UTC).of(kiosks, today, NOON);

        assertThat(alerts).extracting(Snapshot.Alert::kind)
                .containsExactly("kiosk-offline", "reader-offline", "printer-paper", "latency");
    }
}
