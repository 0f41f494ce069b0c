package com.instore.hub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The hub as storectl sees it: the global options (hub URL, API token, --json) and one REST call with its exit code.
 * Calls go to the REST API ({@code /api/...}), whose access layer checks the token's role and audits the call.
 */
final class Hub {
    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int DENIED = 3;
    static final int NOT_FOUND = 4;
    static final int UNREACHABLE = 5;

    @Option(names = "--hub", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Hub URL (default: $STORECTL_HUB or ${DEFAULT-VALUE}).",
            defaultValue = "${env:STORECTL_HUB:-http://localhost:8080}")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
            description = "API token (default: $STORECTL_TOKEN).",
            defaultValue = "${env:STORECTL_TOKEN}")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Read the API token from this file.")
    Path tokenFile;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the hub's JSON answer as is (for scripts).")
    boolean json;

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Calls {@code method /api/path} (or {@code path} itself when it starts with a slash) with an optional JSON
     * body; prints the answer; returns the exit code.
     */
    int call(PrintWriter out, PrintWriter err, String method, String path, String body) {
        try {
            HttpResponse<String> res = send(method, path.startsWith("/") ? path : "/api/" + path, body);
            return answer(out, err, res);
        } catch (ConnectException e) {
            err.println("storectl: cannot reach the hub at " + url + " (is it running? --hub URL)");
            return UNREACHABLE;
        } catch (IOException e) {
            err.println("storectl: " + e.getMessage());
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            req.header("Content-Type", "application/json");
        }
        String t = token();
        if (!t.isEmpty()) {
            req.header("Authorization", "Bearer " + t);
        }
        return HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws IOException {
        if (tokenFile != null) {
            return Files.readString(tokenFile).strip();
        }
        return token == null ? "" : token.strip();
    }

    private int answer(PrintWriter out, PrintWriter err, HttpResponse<String> res) throws IOException {
        int status = res.statusCode();
        if (status >= 200 && status < 300) {
            out.println(json || res.body().isBlank() ? res.body() : pretty(res.body()));
            return OK;
        }
        err.println("storectl: the hub answered " + status + ": " + message(res.body()));
        return status == 401 || status == 403 ? DENIED : status == 404 ? NOT_FOUND : REFUSED;
    }

    private String pretty(String body) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(body));
        } catch (IOException e) {
            return body;
        }
    }

    private String message(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node.has("error") ? node.get("error").toString() : body;
        } catch (IOException e) {
            return body;
        }
    }
}
