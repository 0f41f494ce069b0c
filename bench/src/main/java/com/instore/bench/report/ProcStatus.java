package com.instore.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures of a process from Linux's {@code /proc/<pid>/status}; -1 where there is no such file or line. */
public final class ProcStatus {
    private ProcStatus() {
    }

    /** {@code field} (e.g. {@code VmRSS}, {@code VmHWM}) of process {@code pid} ({@code "self"}: this JVM), in MB. */
    public static long mb(String pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
