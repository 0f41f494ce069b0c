package com.instore.hub.dashboard;

import com.instore.hub.api.Html;

/**
 * The staff page's shell: the grid, feed, figures, charts and alerts are filled by {@code /assets/dashboard.js} from the
 * {@code /dashboard/events} stream (no remote asset; the charts are SVG drawn by that script).
 */
final class DashboardPage {
    private DashboardPage() {
    }

    static String render(String storeName) {
        String store = Html.text(storeName);
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + store
                + " - store hub</title><link rel=\"stylesheet\" href=\"/assets/dashboard.css\"></head>"
                + "<body data-live=\"connecting\"><header><h1>" + store + "</h1><span id=\"live\">connecting...</span>"
                + "<nav><a href=\"/operator\">Operator console</a> <form method=\"post\" action=\"/logout\" id=\"logout\">"
                + "<button>Log out</button></form></nav></header>"
                + "<section id=\"alerts\"></section>"
                + "<section><h2>Kiosks</h2><div id=\"kiosks\" class=\"grid\"></div></section>"
                + "<section class=\"row\"><div><h2>Today</h2><div id=\"figures\" class=\"figures\"></div>"
                + "<h3>Taps per hour</h3><div id=\"chart-taps\" class=\"chart\"></div>"
                + "<h3>Tap-to-offer p95 per hour (ms)</h3><div id=\"chart-latency\" class=\"chart\"></div></div>"
                + "<div><h2>Live feed</h2><ol id=\"feed\"></ol></div></section>"
                + "<script src=\"/assets/dashboard.js\"></script></body></html>";
    }
}
