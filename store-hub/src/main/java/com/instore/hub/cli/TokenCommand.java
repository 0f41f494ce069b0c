package com.instore.hub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code storectl token}: logs in as an admin (the login form, as a browser does) and issues an API token with a role;
 * prints the token (or the JSON answer with --json). The password is read from a file, never from the command line.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Issues an API token (needs an admin's password).")
final class TokenCommand implements Callable<Integer> {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Spec
    CommandSpec spec;
    @Option(names = "--hub", defaultValue = "${env:STORECTL_HUB:-http://localhost:8080}", description = "Hub URL.")
    String url;
    @Option(names = "--user", required = true, description = "An admin user.")
    String user;
    @Option(names = "--password-file", required = true, description = "File holding that user's password.")
    Path passwordFile;
    @Option(names = "--name", defaultValue = "storectl", description = "Token name (default ${DEFAULT-VALUE}).")
    String name;
    @Option(names = "--role", defaultValue = "operator", description = "staff, operator or admin (default ${DEFAULT-VALUE}).")
    String role;
    @Option(names = "--json", description = "Print the hub's JSON answer.")
    boolean json;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Override
    public Integer call() throws Exception {
        String base = url.replaceAll("/+$", "");
        try {
            Matcher m = CSRF.matcher(send(HttpRequest.newBuilder(URI.create(base + "/login")).GET()).body());
            if (!m.find() || login(base, m.group(1)).statusCode() != 303) {
                spec.commandLine().getErr().println("storectl: login refused for " + user);
                return Hub.DENIED;
            }
            String csrf = StoreCtl.JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/me"))).body())
                    .path("csrf").asText();
            HttpResponse<String> res = send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                    .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(StoreCtl.json(Map.of("name", name, "role", role)))));
            return print(res);
        } catch (java.net.ConnectException e) {
            spec.commandLine().getErr().println("storectl: cannot reach the hub at " + url);
            return Hub.UNREACHABLE;
        }
    }

    private HttpResponse<String> login(String base, String csrf) throws IOException, InterruptedException {
        String form = "csrf=" + enc(csrf) + "&next=%2F&username=" + enc(user) + "&password="
                + enc(Files.readString(passwordFile).strip());
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private int print(HttpResponse<String> res) throws IOException {
        if (res.statusCode() != 201) {
            spec.commandLine().getErr().println("storectl: the hub answered " + res.statusCode() + ": " + res.body());
            return res.statusCode() == 403 ? Hub.DENIED : Hub.REFUSED;
        }
        spec.commandLine().getOut().println(json ? res.body() : StoreCtl.JSON.readTree(res.body()).path("token").asText());
        return Hub.OK;
    }

    private HttpResponse<String> send(HttpRequest.Builder req) throws IOException, InterruptedException {
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
