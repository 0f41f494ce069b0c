package com.instore.hub.access;

import com.instore.hub.api.Html;

/** The login page: a plain form (no script), its CSRF token in a hidden field. */
final class LoginPage {
    private static final String STYLE = """
            body{font-family:sans-serif;background:#f4f5f7;display:flex;justify-content:center;padding-top:12vh}
            form{background:#fff;padding:2rem 2.5rem;border-radius:8px;box-shadow:0 2px 8px #0002;min-width:18rem}
            label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
            button{margin-top:1.2rem;width:100%;padding:.6rem;font-size:1rem;background:#1f6feb;color:#fff;border:0;
            border-radius:4px}.error{color:#b00}""";

    private LoginPage() {
    }

    static String render(String storeName, String csrf, String next, String error) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Log in - "
                + Html.text(storeName) + "</title><style>" + STYLE + "</style></head><body>"
                + "<form method=\"post\" action=\"/login\"><h1>" + Html.text(storeName) + "</h1>"
                + (error.isEmpty() ? "" : "<p class=\"error\" id=\"error\">" + Html.text(error) + "</p>")
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.text(csrf) + "\">"
                + "<input type=\"hidden\" name=\"next\" value=\"" + Html.text(next) + "\">"
                + "<label for=\"username\">User</label><input id=\"username\" name=\"username\" autocomplete=\"username\">"
                + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\""
                + " autocomplete=\"current-password\"><button id=\"login\" type=\"submit\">Log in</button></form>"
                + "</body></html>";
    }
}
