package com.instore.hub.provisioning;

import com.instore.hub.mqtt.Inbound;
import com.instore.hub.mqtt.InvalidInbound;
import com.instore.protocol.Channel;
import com.instore.protocol.Command;
import com.instore.protocol.CommandResult;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Remote commands over MQTT 5 request/response: the command goes to the kiosk's {@code command} topic with response topic
 * {@code .../command/result} (inside the kiosk's own subtree, the only place it may publish) and correlation data = the
 * command id; the result is matched on the correlation data. {@link #send} blocks the caller (an HTTP virtual thread)
 * up to the timeout; results arrive on the hub's MQTT executor. Thread-safe.
 */
final class Commands {
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final MqttOut mqtt;
    private final MessageCodec codec;
    private final String storeId;
    private final Clock clock;

    private record Pending(String kioskId, CompletableFuture<CommandResult> result) {
    }

    Commands(MqttOut mqtt, MessageCodec codec, String storeId, Clock clock) {
        this.mqtt = mqtt;
        this.codec = codec;
        this.storeId = storeId;
        this.clock = clock;
    }

    /**
     * Sends a command and waits for its result; empty when none came within {@code timeout} (the kiosk is offline, or
     * too slow) or the command could not be sent.
     */
    Optional<CommandResult> send(String kioskId, Command.Type type, Duration timeout) throws InterruptedException {
        Command command = new Command(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(), kioskId, type,
                timeout.toMillis());
        KioskAddress kiosk = new KioskAddress(storeId, kioskId);
        Pending waiting = new Pending(kioskId, new CompletableFuture<>());
        pending.put(command.id(), waiting);
        try {
            if (!mqtt.request(kiosk.topic(Channel.COMMAND), codec.encode(command), kiosk.topic(Channel.COMMAND_RESULT),
                    command.id().getBytes(StandardCharsets.UTF_8), Math.max(1, timeout.toSeconds()))) {
                return Optional.empty();
            }
            return Optional.of(waiting.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } finally {
            pending.remove(command.id());
        }
    }

    /** A result from a kiosk (hub MQTT executor): completes the waiting command; late or foreign results are dropped. */
    void onResult(Inbound in) throws InvalidInbound {
        CommandResult result;
        try {
            result = codec.decode(in.payload(), CommandResult.class);
        } catch (InvalidMessageException e) {
            throw InvalidInbound.of(e);
        }
        String correlation = in.correlationData() == null ? result.commandId()
                : new String(in.correlationData(), StandardCharsets.UTF_8);
        Pending waiting = pending.get(correlation);
        if (waiting == null || !waiting.kioskId().equals(in.address().kiosk().kioskId())
                || !correlation.equals(result.commandId())) {
            throw new InvalidInbound("uncorrelated_result", "no command waiting for result " + correlation);
        }
        waiting.result().complete(result);
    }
}
