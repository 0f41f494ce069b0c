package com.instore.agent.link;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectTroubleTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final ConnectTrouble trouble = new ConnectTrouble(now::get);

    @Test
    void firstFailure_warns_inPahosWords_withWhatToCheckForRefusedCredentials() {
        assertThat(trouble.failed(new MqttException(134))).hasValueSatisfying(warning -> assertThat(warning)
                .isEqualTo("MQTT link down: Bad User Name or Password. (134); the broker refused this kiosk's "
                        + "credentials: check agent.mqtt.password-file, or enrol the kiosk again"));
        assertThat(trouble.problem()).hasValueSatisfying(problem -> assertThat(problem).startsWith("Bad User Name"));
    }

    @Test
    void unreachableBroker_namesTheSocketError_andNotAuthorizedAsksWhetherTheKioskWasRetired() {
        assertThat(trouble.failed(new MqttException(32103, new ConnectException("Connection refused"))))
                .hasValue("MQTT link down: Unable to connect to server (32103): java.net.ConnectException: "
                        + "Connection refused");
        trouble.connected();
        assertThat(trouble.failed(new MqttException(135))).hasValueSatisfying(warning -> assertThat(warning)
                .contains("Not authorized. (135)", "was it retired on the hub?"));
    }

    @Test
    void repeatedFailures_warnOnceAMinute_withTheCountAndTheLatestCause() {
        trouble.failed(new MqttException(134));
        for (int i = 0; i < 50; i++) {
            now.addAndGet(Duration.ofMillis(500).toNanos());
            assertThat(trouble.failed(new MqttException(i % 2 == 0 ? 134 : 32109))).as("attempt %d", i + 2).isEmpty();
        }
        now.addAndGet(Duration.ofSeconds(35).toNanos());

        assertThat(trouble.failed(new MqttException(32103, new ConnectException("Connection refused"))))
                .hasValue("MQTT link still down, 52 failures in 60 s: Unable to connect to server (32103): "
                        + "java.net.ConnectException: Connection refused");
        assertThat(trouble.failed(new MqttException(134))).isEmpty();
        assertThat(trouble.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("(134)"));
    }

    @Test
    void connected_saysHowLongItTook_clearsTheProblem_andTheNextDropWarnsAgainAtOnce() {
        assertThat(trouble.connected()).as("a first connection without failures").isEmpty();
        trouble.failed(new MqttException(32109));
        now.addAndGet(Duration.ofSeconds(12).toNanos());
        trouble.failed(new MqttException(32103));

        assertThat(trouble.connected()).hasValue("after 2 failures in 12 s");
        assertThat(trouble.problem()).isEmpty();
        assertThat(trouble.failed(new MqttException(32109))).hasValue("MQTT link down: Connection lost (32109)");
    }
}
