package com.instore.hub.dashboard;

import com.instore.hub.api.Html;
import com.instore.hub.kiosks.KioskView;
import com.instore.hub.taps.RecentTap;
import com.instore.protocol.DeviceHealth;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The staff page: kiosks with their state, and the last taps, pseudonymous (tier and outcome, never a name). Plain
 * server-rendered HTML that refreshes itself every 5 s: no script, no remote asset (the store may have no internet).
 */
final class DashboardPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final String STYLE = """
            body{font-family:sans-serif;margin:1.5rem;color:#222}table{border-collapse:collapse;margin-bottom:2rem}
            th,td{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:left}.on{color:#080}.off{color:#b00}""";

    private final ZoneId zone;

    DashboardPage(ZoneId zone) {
        this.zone = zone;
    }

    String render(String storeName, List<KioskView> kiosks, List<RecentTap> taps) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"5\"><title>").append(Html.text(storeName))
                .append(" - store hub</title><style>").append(STYLE).append("</style></head><body><h1>")
                .append(Html.text(storeName)).append("</h1><h2>Kiosks</h2><table><tr><th>Kiosk</th><th>Zone</th>")
                .append("<th>State</th><th>Last seen</th><th>Version</th><th>Reader</th><th>Printer</th><th>Screen</th></tr>");
        kiosks.forEach(k -> kioskRow(html, k));
        html.append("</table><h2>Last taps</h2><table><tr><th>Time</th><th>Kiosk</th><th>Shopper</th><th>Tier</th>")
                .append("<th>Offers</th><th>Tap to offer</th></tr>");
        taps.forEach(t -> tapRow(html, t));
        if (taps.isEmpty()) {
            html.append("<tr><td colspan=\"6\">No taps yet.</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private void kioskRow(StringBuilder html, KioskView k) {
        html.append("<tr><td>").append(Html.text(k.kioskId())).append("</td><td>").append(Html.text(k.zone()))
                .append("</td><td class=\"").append(k.online() ? "on\">online" : "off\">offline").append("</td><td>")
                .append(Html.text(time(k.lastSeen()))).append("</td><td>").append(Html.text(k.version()))
                .append("</td>").append(health(k.reader())).append(health(k.printer())).append(health(k.screen()))
                .append("</tr>");
    }

    private void tapRow(StringBuilder html, RecentTap t) {
        html.append("<tr><td>").append(Html.text(time(t.receivedAt()))).append("</td><td>")
                .append(Html.text(t.kioskId())).append("</td><td>").append(t.recognised() ? "member" : "not recognised")
                .append("</td><td>").append(Html.text(t.tier())).append("</td><td>").append(t.offerCount())
                .append("</td><td>").append(Html.text(latency(t.latencyMicros()))).append("</td></tr>");
    }

    private static String health(DeviceHealth h) {
        if (h == null) {
            return "<td></td>";
        }
        String detail = h.detail().isEmpty() ? "" : " (" + h.detail() + ")";
        return "<td>" + Html.text(h.state().name().toLowerCase(Locale.ROOT) + detail) + "</td>";
    }

    private String time(Instant at) {
        return at == null ? "never" : TIME.format(at.atZone(zone));
    }

    private static String latency(Long micros) {
        return micros == null ? "" : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }
}
