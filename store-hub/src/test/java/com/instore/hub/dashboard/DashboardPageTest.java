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
    private final DashboardPage page = new DashboardPage(ZoneOffset.UTC);

    @Test
    void render_listsKiosksAndTaps() {
        String html = page.render("Demo Store",
                List.of(new KioskView("demo-store", "coffee", "coffee", true, Instant.parse("2026-01-01T10:00:00Z"), "1.0",
                        DeviceHealth.ok("ACR122"), new DeviceHealth(DeviceHealth.State.DEGRADED, "paper low"), null)),
                List.of(new RecentTap(Instant.parse("2026-01-01T10:00:01Z"), "coffee", true, "GOLD", 3, 1500L)));

        assertThat(html).contains("<td>coffee</td>", "online", "10:00:00", "ok (ACR122)", "degraded (paper low)",
                "10:00:01", "member", "GOLD", "1.5 ms");
    }

    @Test
    void render_escapesEverything() {
        String html = page.render("<script>alert(1)</script>",
                List.of(new KioskView("demo-store", "coffee", "<b>zone</b>", false, null, "\"v\"", null, null, null)),
                List.of());

        assertThat(html).doesNotContain("<script>", "<b>").contains("&lt;script&gt;", "&lt;b&gt;zone", "&quot;v&quot;",
                "offline", "never", "No taps yet.");
    }
}
