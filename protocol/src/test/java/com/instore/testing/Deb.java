package com.instore.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads a Debian package with Debian's own tools ({@code dpkg-deb}) and systemd unit files key by key, for the package
 * tests of the agent and the hub (protocol's test jar is where the modules' tests share helpers). Blocking.
 */
public final class Deb {
    private Deb() {
    }

    public record Result(int exit, String output) {
    }

    /** Runs a command (stderr merged into the output), failing the test after two minutes. */
    public static Result run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    public static Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** One control field ({@code dpkg-deb --field}). */
    public static String field(Path deb, String name) throws IOException, InterruptedException {
        return checked(run("dpkg-deb", "--field", deb.toString(), name)).strip();
    }

    /** The control archive's files ({@code dpkg-deb --control}), by name. */
    public static Map<String, Path> control(Path deb, Path dir) throws IOException, InterruptedException {
        Path target = dir.resolve("DEBIAN");
        checked(run("dpkg-deb", "--control", deb.toString(), target.toString()));
        try (Stream<Path> files = Files.list(target)) {
            Map<String, Path> byName = new LinkedHashMap<>();
            files.forEach(file -> byName.put(file.getFileName().toString(), file));
            return byName;
        }
    }

    /** Regular files of the data archive ({@code dpkg-deb --contents}): absolute path to "mode owner/group". */
    public static Map<String, String> contents(Path deb) throws IOException, InterruptedException {
        Map<String, String> modes = new LinkedHashMap<>();
        for (String line : checked(run("dpkg-deb", "--contents", deb.toString())).split("\n")) {
            // -rw-r--r-- root/root    215977 2026-11-25 20:39 ./opt/instore/<app>/<app>.jar
            String[] parts = line.trim().split("\\s+", 6);
            if (parts.length == 6 && parts[0].startsWith("-")) {
                modes.put(parts[5].substring(1), parts[0] + " " + parts[1]);
            }
        }
        return modes;
    }

    /** The data archive unpacked ({@code dpkg-deb --extract}) under {@code dir/root}. */
    public static Path extract(Path deb, Path dir) throws IOException, InterruptedException {
        Path root = dir.resolve("root");
        checked(run("dpkg-deb", "--extract", deb.toString(), root.toString()));
        return root;
    }

    /** A unit file's keys (all sections) to their values in order; backslash-continued lines joined. */
    public static Map<String, List<String>> unit(Path file) throws IOException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String text = Files.readString(file).replaceAll("\\\\\n\\s*", " ");
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#") && !line.startsWith("[")) {
                keys.computeIfAbsent(line.substring(0, eq).strip(), key -> new ArrayList<>())
                        .add(line.substring(eq + 1).strip());
            }
        }
        return keys;
    }

    private static String checked(Result result) {
        if (result.exit() != 0) {
            throw new IllegalStateException("exit " + result.exit() + ": " + result.output());
        }
        return result.output();
    }
}
