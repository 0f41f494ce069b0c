package com.instore.agent.it;

import com.instore.testing.Deb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kiosk's Debian package as the package phase built it ({@code target/instore-edge-agent_all.deb}): its control
 * data and file list read with {@code dpkg-deb}, its systemd units read key by key, and a real {@code dpkg -i} into a
 * throwaway root ({@code config/deb/test/throwaway-root}: an overlay of this machine's root in a private mount
 * namespace) that runs the maintainer scripts - system user, owner-only state, the AOT cache training run, units enabled
 * and checked by {@code systemd-analyze verify} - then the first-boot enrolment script and a purge.
 */
class AgentPackageIT {
    private static final Path DEB = Path.of("target/instore-edge-agent_all.deb");

    @Test
    void control_isArchitectureAll_dependsOnJava25_andDeclaresItsConffilesAndScripts(@TempDir Path dir)
            throws Exception {
        assertThat(Deb.field(DEB, "Package")).isEqualTo("instore-edge-agent");
        assertThat(Deb.field(DEB, "Architecture")).isEqualTo("all");
        assertThat(Deb.field(DEB, "Depends")).startsWith("temurin-25-jre | temurin-25-jdk | openjdk-25-jre-headless")
                .contains("adduser", "curl");
        Map<String, Path> control = Deb.control(DEB, dir);
        assertThat(Files.readAllLines(control.get("conffiles")))
                .containsExactlyInAnyOrder("/etc/instore/agent.yaml", "/etc/default/instore-edge-agent");
        assertThat(control).containsKeys("postinst", "prerm", "postrm");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertThat(control.get(script)).isExecutable();
            assertThat(Deb.run("sh", "-n", control.get(script).toString()).exit()).as(script + " parses").isZero();
        }
        assertThat(Files.readString(control.get("postinst")))
                .contains("adduser --system --group", "install -d -m 0700 -o \"$APP_USER\"", "bin/aot-cache",
                        "deb-systemd-helper enable").doesNotContain("[[");
    }

    @Test
    void contents_appUnderOpt_configUnderEtc_unitsAndKioskSession_withTheirModes() throws Exception {
        Map<String, String> modes = Deb.contents(DEB);
        assertThat(modes).containsEntry("/opt/instore/edge-agent/edge-agent.jar", "-rw-r--r-- root/root")
                .containsEntry("/opt/instore/edge-agent/bin/edge-agent", "-rwxr-xr-x root/root")
                .containsEntry("/opt/instore/edge-agent/bin/aot-cache", "-rwxr-xr-x root/root")
                .containsEntry("/opt/instore/edge-agent/bin/enrol-from-boot", "-rwxr-xr-x root/root")
                .containsEntry("/etc/instore/agent.yaml", "-rw-r----- root/root")
                .containsEntry("/etc/default/instore-edge-agent", "-rw-r--r-- root/root")
                .containsEntry("/usr/lib/systemd/system/instore-edge-agent.service", "-rw-r--r-- root/root")
                .containsEntry("/usr/lib/systemd/system/instore-edge-agent-watchdog.timer", "-rw-r--r-- root/root")
                .containsEntry("/usr/lib/systemd/system/instore-enrol.service", "-rw-r--r-- root/root")
                .containsEntry("/usr/share/instore/kiosk/kiosk-session", "-rwxr-xr-x root/root")
                .containsEntry("/usr/share/instore/kiosk/setup-kiosk", "-rwxr-xr-x root/root");
        try (var libs = Files.list(Path.of("target/lib"))) {
            assertThat(modes).containsKeys(libs.map(jar -> "/opt/instore/edge-agent/lib/" + jar.getFileName())
                    .toArray(String[]::new));
        }
        assertThat(modes.keySet()).noneMatch(path -> path.startsWith("/var/")).noneMatch(path -> path.contains("demo"));
    }

    @Test
    void units_restartAlways_logToJournal_areHardened_andTheWatchdogAndEnrolmentAreWired(@TempDir Path dir)
            throws Exception {
        Path root = Deb.extract(DEB, dir);
        Map<String, List<String>> agent = Deb.unit(root.resolve("usr/lib/systemd/system/instore-edge-agent.service"));
        assertThat(agent).containsEntry("Type", List.of("exec")).containsEntry("User", List.of("instore-agent"))
                .containsEntry("Restart", List.of("always")).containsEntry("StandardOutput", List.of("journal"))
                .containsEntry("StandardError", List.of("journal")).containsEntry("NoNewPrivileges", List.of("yes"))
                .containsEntry("ProtectSystem", List.of("strict")).containsEntry("PrivateTmp", List.of("yes"))
                .containsEntry("StateDirectory", List.of("instore/edge-agent"))
                .containsEntry("StateDirectoryMode", List.of("0700"))
                .doesNotContainKeys("PrivateDevices", "MemoryDenyWriteExecute");
        assertThat(agent.get("ExecStart").getFirst())
                .isEqualTo("/opt/instore/edge-agent/bin/edge-agent --config /etc/instore/agent.yaml");
        assertThat(agent.get("After").getFirst()).contains("instore-enrol.service");
        Map<String, List<String>> timer = Deb.unit(
                root.resolve("usr/lib/systemd/system/instore-edge-agent-watchdog.timer"));
        assertThat(timer).containsEntry("OnUnitActiveSec", List.of("15s"));
        assertThat(Deb.unit(root.resolve("usr/lib/systemd/system/instore-edge-agent-watchdog.service"))
                .get("ExecStart").getFirst()).contains("$HEALTH_URL", "systemctl restart instore-edge-agent.service");
        assertThat(Deb.unit(root.resolve("usr/lib/systemd/system/instore-enrol.service")))
                .containsEntry("ConditionPathExists", List.of("/boot/firmware/instore-enrol.txt"))
                .containsEntry("Before", List.of("instore-edge-agent.service"));
        assertThat(Files.readString(root.resolve("etc/default/instore-edge-agent"))).contains("JAVA_OPTS=\"-XX:");
    }

    @Test
    void install_inAThrowawayRoot_createsTheUserStateAndAotCache_enablesVerifiedUnits_enrolsFromBoot_purges(
            @TempDir Path dir) throws Exception {
        Path checks = Files.writeString(dir.resolve("checks.sh"), """
                echo "user: $(getent passwd instore-agent | cut -d: -f1,6,7)"
                echo "state: $(stat -c '%a %U' /var/lib/instore/edge-agent)"
                echo "config: $(stat -c '%a %U %G' /etc/instore/agent.yaml)"
                test -s /var/cache/instore/edge-agent/edge-agent.aot && echo "aot: present"
                test -L /etc/systemd/system/multi-user.target.wants/instore-edge-agent.service && echo "enabled: agent"
                test -L /etc/systemd/system/timers.target.wants/instore-edge-agent-watchdog.timer && echo "enabled: timer"
                test -L /etc/systemd/system/multi-user.target.wants/instore-enrol.service && echo "enabled: enrol"
                cd /usr/lib/systemd/system
                out="$(systemd-analyze verify instore-edge-agent.service instore-edge-agent-watchdog.service \\
                    instore-edge-agent-watchdog.timer instore-enrol.service 2>&1)"; echo "verify-exit: $?"
                [ -z "$out" ] || echo "$out" | sed 's/^/verify: /'
                runuser -u instore-agent -- /opt/instore/edge-agent/bin/edge-agent --help 2>&1 | grep -q enroll \\
                    && echo "launcher: runs"
                mkdir -p /boot/firmware
                printf 'hub=https://127.0.0.1:9\\r\\ncode=ABCDE-FGHJK\\r\\n' > /boot/firmware/instore-enrol.txt
                /opt/instore/edge-agent/bin/enrol-from-boot > /tmp/enrol.out 2>&1; echo "enrol-unreachable-exit: $?"
                grep -q 'cannot enrol at https://127.0.0.1:9' /tmp/enrol.out && echo "enrol: tried the hub"
                test -f /boot/firmware/instore-enrol.txt && echo "enrol-file: kept for a retry"
                dpkg --purge instore-edge-agent >/dev/null 2>&1; echo "purge-exit: $?"
                test -e /var/lib/instore/edge-agent || echo "purged: state"
                test -e /etc/systemd/system/multi-user.target.wants/instore-edge-agent.service || echo "purged: unit"
                """);
        Deb.Result result = Deb.run(Map.of("AOT_TRAINING_SECONDS", "1"), Path.of("../config/deb/test/throwaway-root")
                .toString(), dir.resolve("root").toString(), checks.toString(), DEB.toString());
        assumeTrue(result.exit() != 77, () -> "no throwaway root on this machine: " + result.output());
        assertThat(result.output()).contains("dpkg-install: ok", "user: instore-agent:/var/lib/instore/edge-agent:",
                "state: 700 instore-agent", "config: 640 root instore-agent", "aot: present", "enabled: agent",
                "enabled: timer", "enabled: enrol", "launcher: runs", "enrol-unreachable-exit: 1",
                "enrol: tried the hub", "enrol-file: kept for a retry", "verify-exit: 0", "purge-exit: 0", "purged: state", "purged: unit")
                .doesNotContain("verify: ");
    }
}
