package com.instore.bench.report;

import java.lang.management.ManagementFactory;

/**
 * The bench JVM's memory at the end of a fixed-rate run, with the system under test and every kiosk still connected:
 * resident set (VmRSS from /proc/self/status, -1 where there is none) and heap in use right after a full GC. Both cover
 * everything in this JVM (generator, broker, hub or echo service); what the hub alone holds is the difference to a run
 * whose JVM holds only the generator (the floor over Mosquitto, which is its own process).
 */
public record Memory(long rssMb, long heapAfterGcMb) {
    public static final Memory UNKNOWN = new Memory(-1, -1);

    /** Runs a full GC and reads both figures. Blocks for the GC. */
    public static Memory sample() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Memory(ProcStatus.mb("self", "VmRSS"), heap / (1024 * 1024));
    }
}
