package com.instore.hub.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.http.Method;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-maintained OpenAPI document against the code: every route registered in a route table
 * ({@code .get("/...")}, {@code .post(...)}, ...) is described, and each operation's {@code x-role} is what the access
 * policy enforces.
 */
class OpenApiTest {
    private static final Pattern ROUTE = Pattern.compile("\\.(get|post|put|delete|any)\\(\"(/[^\"]*)\"");

    @Test
    void everyRegisteredRoute_isInTheDocument() throws IOException {
        JsonNode paths = document().path("paths");
        List<String> missing = new ArrayList<>();
        for (String route : registeredRoutes()) {
            String[] parts = route.split(" ", 2);
            String path = parts[1].replaceAll("/\\*$", "/{path}");
            boolean found = parts[0].equals("any") ? paths.has(path) : paths.path(path).has(parts[0]);
            if (!found) {
                missing.add(route);
            }
        }
        assertThat(missing).as("routes missing from openapi.yaml").isEmpty();
    }

    @Test
    void everyOperationsRole_isTheRoleTheAccessPolicyEnforces() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String enforced = AccessPolicy.required(Method.create(op.getKey().toUpperCase(Locale.ROOT)), concrete)
                        .map(r -> r.name().toLowerCase(Locale.ROOT)).orElse("public");
                if (!enforced.equals(op.getValue().path("x-role").asText())) {
                    wrong.add(op.getKey() + " " + path.getKey() + ": documented " + op.getValue().path("x-role").asText()
                            + ", enforced " + enforced);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static TreeSet<String> registeredRoutes() throws IOException {
        TreeSet<String> routes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = ROUTE.matcher(Files.readString(file));
                while (m.find()) {
                    routes.add(m.group(1) + " " + m.group(2));
                }
            }
        }
        return routes;
    }
}
