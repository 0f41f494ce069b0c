package com.instore.bench.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link MqttLink} over a connected HiveMQ MQTT client. */
final class HiveMqLink implements MqttLink {
    private static final byte[] NONE = new byte[0];

    private final Mqtt5AsyncClient client;
    private final Account account;

    HiveMqLink(Mqtt5AsyncClient client, Account account) {
        this.client = client;
        this.account = account;
    }

    @Override
    public CompletableFuture<PublishOutcome> publish(String topic, byte[] payload, byte[] correlation, long expirySeconds) {
        var builder = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload);
        if (correlation != null) {
            builder.correlationData(correlation);
        }
        if (expirySeconds > 0) {
            builder.messageExpiryInterval(expirySeconds);
        }
        return builder.send().handle(HiveMqLink::outcome);
    }

    private static PublishOutcome outcome(Mqtt5PublishResult result, Throwable error) {
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            return cause instanceof Mqtt5PubAckException || error instanceof Mqtt5PubAckException
                    ? PublishOutcome.REFUSED : PublishOutcome.FAILED;
        }
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1 && qos1.getPubAck().getReasonCode().isError()) {
            return PublishOutcome.REFUSED;
        }
        return result.getError().isPresent() ? PublishOutcome.REFUSED : PublishOutcome.ACCEPTED;
    }

    @Override
    public void subscribe(String filter, Inbound handler) {
        // Runnable::run: the callback runs on the Netty thread that read the message, saving a hand-off per answer.
        CompletableFuture<Mqtt5SubAck> ack = client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
                .callback(publish -> deliver(publish, handler)).executor(Runnable::run).send();
        Mqtt5SubAck subAck;
        try {
            subAck = ack.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(account + " cannot subscribe to " + filter + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while subscribing " + account, e);
        }
        if (subAck.getReasonCodes().stream().anyMatch(code -> code.isError())) {
            throw new IllegalStateException(account + " may not subscribe to " + filter + ": " + subAck.getReasonCodes());
        }
    }

    private static void deliver(Mqtt5Publish publish, Inbound handler) {
        byte[] correlation = publish.getCorrelationData().map(HiveMqLink::bytes).orElse(NONE);
        handler.onMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(), correlation);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Already gone or the broker is stopping: nothing left to release.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
