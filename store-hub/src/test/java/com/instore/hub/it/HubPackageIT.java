package com.instore.hub.it;

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
 * The hub's Debian package as the package phase built it ({@code target/instore-store-hub_all.deb}): control data,
 * file list and modes read with {@code dpkg-deb}, the units read key by key, and a real {@code dpkg -i} into a
 * throwaway root ({@code config/deb/test/throwaway-root}) whose maintainer scripts create the user and the owner-only
 * state and enable the units, which {@code systemd-analyze verify} then checks; the hub then starts from the package as
 * its user on its installed configuration and answers {@code /health}. The AOT cache training run is skipped here
 * (INSTORE_SKIP_AOT_CACHE=1): it is the same script as the agent's, which AgentPackageIT runs.
 */
class HubPackageIT {
    private static final Path DEB = Path.of("target/instore-store-hub_all.deb");

    @Test
    void control_isArchitectureAll_dependsOnJava25_andDeclaresTheConfigAsConffiles(@TempDir Path dir)
            throws Exception {
        assertThat(Deb.field(DEB, "Package")).isEqualTo("instore-store-hub");
        assertThat(Deb.field(DEB, "Architecture")).isEqualTo("all");
        assertThat(Deb.field(DEB, "Depends")).startsWith("temurin-25-jre | temurin-25-jdk | openjdk-25-jre-headless");
        Map<String, Path> control = Deb.control(DEB, dir);
        assertThat(Files.readAllLines(control.get("conffiles"))).containsExactlyInAnyOrder("/etc/instore/hub.yaml",
                "/etc/instore/store.yaml", "/etc/instore/offers.yaml", "/etc/default/instore-store-hub");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertThat(control.get(script)).isExecutable();
            assertThat(Deb.run("sh", "-n", control.get(script).toString()).exit()).as(script + " parses").isZero();
            assertThat(Files.readString(control.get(script))).doesNotContain("[[");
        }
        Map<String, String> modes = Deb.contents(DEB);
        assertThat(modes).containsEntry("/opt/instore/store-hub/store-hub.jar", "-rw-r--r-- root/root")
                .containsEntry("/opt/instore/store-hub/bin/store-hub", "-rwxr-xr-x root/root")
                .containsEntry("/etc/instore/hub.yaml", "-rw-r----- root/root")
                .containsEntry("/usr/lib/systemd/system/instore-store-hub.service", "-rw-r--r-- root/root")
                .containsEntry("/usr/lib/systemd/system/instore-store-hub-watchdog.timer", "-rw-r--r-- root/root")
                .doesNotContainKey("/usr/lib/systemd/system/instore-edge-agent.service");
        try (var libs = Files.list(Path.of("target/lib"))) {
            assertThat(modes).containsKeys(libs.map(jar -> "/opt/instore/store-hub/lib/" + jar.getFileName())
                    .toArray(String[]::new));
        }
    }

    @Test
    void unit_restartsAlways_logsToJournal_isHardened_andTheInstalledConfigHasNoDemoPaths(@TempDir Path dir)
            throws Exception {
        Path root = Deb.extract(DEB, dir);
        Map<String, List<String>> hub = Deb.unit(root.resolve("usr/lib/systemd/system/instore-store-hub.service"));
        assertThat(hub).containsEntry("User", List.of("instore-hub")).containsEntry("Restart", List.of("always"))
                .containsEntry("StandardOutput", List.of("journal")).containsEntry("NoNewPrivileges", List.of("yes"))
                .containsEntry("ProtectSystem", List.of("strict")).containsEntry("PrivateDevices", List.of("yes"))
                .containsEntry("StateDirectory", List.of("instore/store-hub"));
        assertThat(hub.get("ExecStart").getFirst())
                .isEqualTo("/opt/instore/store-hub/bin/store-hub --config /etc/instore/hub.yaml");
        assertThat(Files.readString(root.resolve("etc/instore/hub.yaml")))
                .contains("data-dir: /var/lib/instore/store-hub", "store-file: /etc/instore/store.yaml",
                        "card-uid-earns-points: false").doesNotContain("demo-data", "config/");
    }

    @Test
    void install_inAThrowawayRoot_createsUserAndState_enablesVerifiedUnits_andTheHubStartsFromThePackage(
            @TempDir Path dir) throws Exception {
        Path checks = Files.writeString(dir.resolve("checks.sh"), """
                echo "user: $(getent passwd instore-hub | cut -d: -f1,6,7)"
                echo "state: $(stat -c '%a %U' /var/lib/instore/store-hub)"
                echo "config: $(stat -c '%a %U %G' /etc/instore/hub.yaml /etc/instore/store.yaml | sort -u)"
                test -L /etc/systemd/system/multi-user.target.wants/instore-store-hub.service && echo "enabled: hub"
                test -L /etc/systemd/system/timers.target.wants/instore-store-hub-watchdog.timer && echo "enabled: timer"
                cd /usr/lib/systemd/system
                out="$(systemd-analyze verify instore-store-hub.service instore-store-hub-watchdog.service \\
                    instore-store-hub-watchdog.timer 2>&1)"; echo "verify-exit: $?"
                [ -z "$out" ] || echo "$out" | sed 's/^/verify: /'
                cd /var/lib/instore/store-hub
                runuser -u instore-hub -- /opt/instore/store-hub/bin/store-hub --config /etc/instore/hub.yaml \\
                    -Dhub.http.port=0 -Dhub.mqtt.port=0 -Dhub.tls.mqtt-port=0 -Dhub.tls.https-port=0 \\
                    > /tmp/hub.log 2>&1 &
                started=$!
                for i in $(seq 90); do grep -q 'store hub ready' /tmp/hub.log && break; sleep 1; done
                url="$(grep -o 'ready: http://[^/]*/' /tmp/hub.log | sed 's/^ready: //')"
                curl -fsS "${url}health" | grep -q '"UP"' && echo "hub: up from the package"
                test -s /var/lib/instore/store-hub/hub.db && echo "hub-db: in the state dir"
                kill -TERM "$started"; wait "$started"
                # runuser passes SIGTERM on to the JVM; whatever is left of this test's hub goes too (not to outlive us)
                pkill -TERM -f 'hub.tls.https-port=0 -jar /opt/instore/store-hub' || true
                """);
        Deb.Result result = Deb.run(Map.of("INSTORE_SKIP_AOT_CACHE", "1"),
                Path.of("../config/deb/test/throwaway-root").toString(), dir.resolve("root").toString(),
                checks.toString(), DEB.toString());
        assumeTrue(result.exit() != 77, () -> "no throwaway root on this machine: " + result.output());
        assertThat(result.output()).contains("dpkg-install: ok", "user: instore-hub:/var/lib/instore/store-hub:",
                "state: 700 instore-hub", "config: 640 root instore-hub", "enabled: hub", "enabled: timer",
                "verify-exit: 0", "hub: up from the package", "hub-db: in the state dir").doesNotContain("verify: ");
    }
}
