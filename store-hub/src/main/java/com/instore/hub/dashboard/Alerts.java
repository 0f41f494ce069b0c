package com.instore.hub.dashboard;

import com.instore.hub.kiosks.KioskView;
import com.instore.protocol.DeviceHealth;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Alerts derived from the current state (so each stays visible exactly until its cause is resolved): kiosk offline,
 * reader offline, printer paper near end or out (or printer offline), and this hour's tap-to-offer p95 over budget.
 */
final class Alerts {
    private final double latencyBudgetMs;
    private final ZoneId zone;

    Alerts(double latencyBudgetMs, ZoneId zone) {
        this.latencyBudgetMs = latencyBudgetMs;
        this.zone = zone;
    }

    List<Snapshot.Alert> of(List<KioskView> kiosks, Figures.Today today, Instant now) {
        List<Snapshot.Alert> alerts = new ArrayList<>();
        for (KioskView k : kiosks) {
            if (!k.online()) {
                alerts.add(new Snapshot.Alert("critical", k.kioskId(), "kiosk-offline", k.kioskId() + " is offline"));
                continue;
            }
            device(alerts, k.kioskId(), "reader", k.reader());
            device(alerts, k.kioskId(), "printer", k.printer());
        }
        double p95 = today.p95MsPerHour()[now.atZone(zone).getHour()];
        if (p95 > latencyBudgetMs) {
            alerts.add(new Snapshot.Alert("warning", "", "latency", String.format(Locale.ROOT,
                    "tap-to-offer p95 this hour is %.0f ms (budget %.0f ms)", p95, latencyBudgetMs)));
        }
        return alerts;
    }

    private static void device(List<Snapshot.Alert> alerts, String kiosk, String device, DeviceHealth health) {
        if (health == null || health.state() == DeviceHealth.State.OK || health.state() == DeviceHealth.State.ABSENT) {
            return;
        }
        boolean down = health.state() == DeviceHealth.State.OFFLINE;
        String detail = health.detail().isEmpty() ? "" : ": " + health.detail();
        String kind = device + (detail.toLowerCase(Locale.ROOT).contains("paper") ? "-paper" : down ? "-offline" : "-degraded");
        alerts.add(new Snapshot.Alert(down ? "critical" : "warning", kiosk, kind,
                kiosk + " " + device + (down ? " offline" : " needs attention") + detail));
    }
}
