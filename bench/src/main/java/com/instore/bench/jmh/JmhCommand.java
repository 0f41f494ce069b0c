package com.instore.bench.jmh;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench jmh [JMH options]}: runs our JMH benchmarks with JMH's own command line (the jar lists only ours, so no
 * pattern runs them all). Example: {@code ./run bench jmh -f 1 -wi 3 -i 5 Codec}.
 */
@Command(name = "jmh", description = "Runs the JMH micro-benchmarks; every argument after 'jmh' goes to JMH (jmh -h).")
public final class JmhCommand implements Callable<Integer> {
    @Unmatched
    private List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
        return 0;
    }
}
