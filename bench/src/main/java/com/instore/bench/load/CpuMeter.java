package com.instore.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used over an interval, in cores: by this JVM (load generator, and the broker, echo service or hub when they run
 * in-process) and by the whole machine (Linux {@code /proc/stat}; -1 elsewhere). The difference shows how busy the rest
 * of the machine was, which a shared machine needs next to every number.
 */
final class CpuMeter {
    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final double JIFFIES_PER_SECOND = 100;

    private final long wallStart = System.nanoTime();
    private final long processStart = processCpuNanos();
    private final long[] systemStart = systemJiffies();

    /** Cores used since this meter was created. */
    Usage stop() {
        double seconds = (System.nanoTime() - wallStart) / 1e9;
        double process = (processCpuNanos() - processStart) / 1e9 / seconds;
        long[] systemEnd = systemJiffies();
        double machine = systemStart == null || systemEnd == null ? -1
                : (systemEnd[0] - systemStart[0]) / JIFFIES_PER_SECOND / seconds;
        return new Usage(round(process), round(machine));
    }

    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    /** Busy jiffies of all CPUs (everything but idle and iowait), or null when /proc/stat is not there. */
    private static long[] systemJiffies() {
        try {
            String[] fields = Files.readAllLines(PROC_STAT).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return new long[] {busy};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double round(double cores) {
        return Math.round(cores * 100) / 100.0;
    }

    /** Cores used: by this JVM, and by the whole machine (-1 when unknown). */
    record Usage(double benchJvm, double machine) {
    }
}
