package com.instore.hub.it;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client: cookies kept, login through the login form, the session's CSRF token on changes. */
final class HubSession {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf = "";

    HubSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** Fills and posts the login form; returns the answer (303 to the page when it worked). */
    HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        Matcher m = CSRF_FIELD.matcher(send("GET", "/login", null, null).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on the login page");
        }
        String form = "csrf=" + enc(m.group(1)) + "&next=%2F&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> res = send("POST", "/login", form, "application/x-www-form-urlencoded");
        if (res.statusCode() == 303) {
            csrf = new ObjectMapper().readTree(send("GET", "/api/me", null, null).body()).path("csrf").asText();
        }
        return res;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    /** A JSON request with the session's CSRF header. */
    HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, "application/json");
    }

    HttpResponse<String> send(String method, String path, String body, String type)
            throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            req.header("Content-Type", type);
        }
        if (!csrf.isEmpty()) {
            req.header("X-CSRF-Token", csrf);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
