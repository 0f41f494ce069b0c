package com.instore.agent.enrol;

import io.helidon.config.Config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * At start: when the config carries an enrolment code ({@code agent.enrol.hub}, {@code agent.enrol.code},
 * {@code agent.enrol.ca-sha256} or {@code agent.enrol.ca-file}; {@code agent.enrol.insecure-http: true} accepts a plain
 * {@code http://} hub, for labs) and the kiosk is not enrolled yet, enrols first; then
 * returns the identity's config keys and the device settings of the last good configuration (empty for a kiosk
 * configured by hand that never received one). Blocking.
 */
public final class FirstBoot {
    private FirstBoot() {
    }

    /** The state directory: {@code agent.enrol.state-dir}, default {@code <agent.data-dir>/identity}. */
    public static Path stateDir(Config agent) {
        return agent.get("enrol.state-dir").asString().map(Path::of).orElseGet(() ->
                Path.of(agent.get("data-dir").asString().orElse("state")).resolve("identity"));
    }

    /**
     * Enrols when needed and returns the identity's config overrides.
     *
     * @throws IllegalStateException with the hub's reason when enrolment fails (the agent cannot start as nobody)
     */
    public static Map<String, String> prepare(Config agent) {
        KioskState state = new KioskState(stateDir(agent));
        Optional<String> code = agent.get("enrol.code").asString().asOptional().filter(c -> !c.isBlank());
        if (!state.enrolled() && code.isPresent()) {
            URI hub = URI.create(agent.get("enrol.hub").asString().orElseThrow(
                    () -> new IllegalArgumentException("agent.enrol.code needs agent.enrol.hub")));
            try {
                new Enroller(state, agent.get("enrol.insecure-http").asBoolean().orElse(false)).enrol(hub, code.get(), agent.get("enrol.ca-sha256").asString().asOptional(),
                        agent.get("enrol.ca-file").asString().asOptional().map(Path::of));
            } catch (Enroller.EnrolmentFailed e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>(
                com.instore.agent.config.LastGood.deviceOverrides(
                        Path.of(agent.get("data-dir").asString().orElse("state"))));
        overrides.putAll(state.configOverrides());
        return overrides;
    }
}
