package com.instore.bench.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens {@link MqttLink}s with the HiveMQ MQTT client. All links share the client library's Netty event loops (one per
 * core), so a thousand simulated kiosks cost a thousand sockets, not three thousand threads. Netty turns TCP_NODELAY on
 * for every socket by default (see {@code TcpNoDelayTest}); the client never turns it off.
 */
public final class MqttLinks {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private MqttLinks() {
    }

    /** Connects with a clean session; blocks until CONNACK. Throws {@link IllegalStateException} when refused. */
    public static MqttLink connect(MqttEndpoint endpoint, Account account) {
        Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5()
                .identifier(account.clientId())
                .serverHost(endpoint.host())
                .serverPort(endpoint.port())
                .simpleAuth().username(account.username())
                .password(account.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .buildAsync();
        try {
            client.connectWith().cleanStart(true).keepAlive(30)
                    .restrictions().receiveMaximum(65_535).applyRestrictions()
                    .send().get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(account + " cannot connect to " + endpoint.uri() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(account + " got no CONNACK from " + endpoint.uri() + " within "
                    + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting " + account, e);
        }
        return new HiveMqLink(client, account);
    }
}
