package com.instore.agent.doctor;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the doctor found, printed as it goes: one line per check ({@code [ok]}, {@code [info]}, {@code [warn]},
 * {@code [FAIL]}), then a summary that says in plain words what is wrong. Not thread-safe: used by the doctor's thread.
 */
final class Report {
    private final PrintWriter out;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    Report(PrintWriter out) {
        this.out = out;
    }

    void ok(String line) {
        print("[ok]   ", line);
    }

    void info(String line) {
        print("[info] ", line);
    }

    /** Works, but staff should know ("paper near end"). Does not fail the doctor. */
    void warn(String line, String advice) {
        print("[warn] ", line);
        warnings.add(advice);
    }

    /** Something is wrong; {@code advice} says what, and what to do, for the summary. */
    void fail(String line, String advice) {
        print("[FAIL] ", line);
        problems.add(advice);
    }

    /** Prints a line without a verdict (e.g. "tap a card now"). */
    void say(String line) {
        print("       ", line);
    }

    boolean healthy() {
        return problems.isEmpty();
    }

    /** Prints the summary; returns the exit code: 0 when nothing is wrong, 1 otherwise. */
    int summary() {
        out.println();
        if (problems.isEmpty()) {
            out.println("Summary: everything works" + (warnings.isEmpty() ? "." : ", with " + warnings.size()
                    + " warning(s):"));
        } else {
            out.println("Summary: " + problems.size() + " problem(s):");
            problems.forEach(p -> out.println("  - " + p));
            if (!warnings.isEmpty()) {
                out.println("and " + warnings.size() + " warning(s):");
            }
        }
        warnings.forEach(w -> out.println("  - " + w));
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }

    private void print(String verdict, String line) {
        out.println(verdict + line);
        out.flush();
    }
}
