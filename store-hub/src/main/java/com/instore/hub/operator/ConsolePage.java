package com.instore.hub.operator;

/** The console's HTML shell; {@code /assets/console.js} fills it from the REST API. */
final class ConsolePage {
    private static final String ROLES = "<option value=\"staff\">staff</option><option value=\"operator\">operator</option>"
            + "<option value=\"admin\">admin</option>";

    private ConsolePage() {
    }

    /** {@code store} must already be escaped. */
    static String render(String store) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Operator console - " + store
                + "</title><link rel=\"stylesheet\" href=\"/assets/dashboard.css\"></head><body data-live=\"live\">"
                + "<header><h1>" + store + " - operator console</h1><nav><a href=\"/\">Dashboard</a></nav></header>"
                + "<section id=\"message\"></section>"
                + "<section><h2>Kiosks</h2><table id=\"kiosks\" class=\"table\"></table>"
                + "<form id=\"create-kiosk\"><h3>New kiosk</h3><input id=\"new-kiosk-id\" placeholder=\"kiosk id\" required>"
                + " <input id=\"new-kiosk-zone\" placeholder=\"zone\"> <input id=\"new-kiosk-profile\" placeholder=\""
                + "hardware profile (optional)\"> <button id=\"create-kiosk-button\">Create</button></form>"
                + "<div id=\"enrolment\"></div><div id=\"kiosk-detail\"></div></section>"
                + "<section><h2>Offers</h2><table id=\"offers\" class=\"table\"></table>"
                + "<h3>Create or edit (JSON)</h3><textarea id=\"offer-json\" rows=\"6\" cols=\"90\"></textarea><br>"
                + "<button id=\"offer-save\">Save offer</button></section>"
                + "<section><h2>Members (support)</h2><form id=\"member-search\"><select id=\"member-by\">"
                + "<option value=\"card\">card UID</option><option value=\"id\">member id</option>"
                + "<option value=\"phone\">phone credential id</option></select> <input id=\"member-query\" "
                + "placeholder=\"04:A2:2B:1A:5C:80:01\" autocomplete=\"off\"> <button id=\"member-find\">Find</button></form>"
                + "<table id=\"member-found\" class=\"table\"></table>"
                + "<input id=\"member-id\" placeholder=\"member id\"> "
                + "<button id=\"member-export\">Export</button> <button id=\"member-erase\">Erase</button>"
                + "<pre id=\"member-result\"></pre></section>"
                + "<section id=\"users-section\" hidden><h2>Users (admin)</h2><table id=\"users\" class=\"table\"></table>"
                + "<form id=\"create-user\"><h3>New user</h3><input id=\"new-user-name\" placeholder=\"user name\" required>"
                + " <select id=\"new-user-role\">" + ROLES + "</select> <button id=\"create-user-button\">Create</button>"
                + "</form><p id=\"user-password\" class=\"code\"></p></section>"
                + "<section><h2>Audit log</h2><table id=\"audit\" class=\"table\"></table></section>"
                + "<script src=\"/assets/console.js\"></script></body></html>";
    }
}
