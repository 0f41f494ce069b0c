package com.instore.hub.broker;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.instore.hub.mqtt.Arrival;
import com.instore.protocol.Channel;
import com.instore.protocol.Topics;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Takes kiosks' taps inside the broker, so that they reach the hub without a second trip over MQTT: a tap a kiosk publishes
 * on its own tap topic goes straight to the hub's intake ({@link #takeBy}), and its PUBACK waits until the hub is done with
 * it, exactly as it would wait for the hub's own acknowledgement over MQTT. The publish then goes on as usual (any other
 * subscriber, e.g. a monitor, still sees it). HiveMQ runs interceptors before its authorisation, so only a tap whose
 * publisher holds that kiosk's own client id (which only that kiosk's credentials can take, {@link AccessRules}) is taken;
 * anything else is left to the broker's permissions, which refuse it. Until the hub takes taps, they pass untouched (the
 * kiosk keeps each tap until it is answered and sends it again). Runs on HiveMQ's extension threads, one client's
 * publishes in order; never blocks.
 */
final class KioskTaps implements PublishInboundInterceptor {
    /** A tap the hub has not finished within this is refused (the kiosk keeps it and sends it again when reconnected). */
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final String storeId;
    private volatile Consumer<Arrival> intake;

    KioskTaps(String storeId) {
        this.storeId = storeId;
    }

    /** From now on, kiosks' taps go to {@code hub}, which acknowledges each exactly once. */
    void takeBy(Consumer<Arrival> hub) {
        this.intake = hub;
    }

    /** Whether {@code clientId} may be a kiosk of this store (only kiosks' publishes need this interceptor). */
    boolean mayBeKiosk(String clientId) {
        return clientId.startsWith(Accounts.kioskClientId(storeId, ""));
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        Consumer<Arrival> hub = intake;
        PublishPacket publish = input.getPublishPacket();
        Optional<Topics.TopicAddress> address = Topics.parse(publish.getTopic());
        if (hub == null || address.isEmpty() || address.get().channel() != Channel.TAP
                || !ownTopic(address.get(), input.getClientInformation().getClientId())) {
            return;
        }
        long received = System.nanoTime();
        byte[] payload = publish.getPayload().map(HubAuthenticator::bytes).orElse(new byte[0]);
        byte[] correlation = publish.getCorrelationData().map(HubAuthenticator::bytes).orElse(null);
        Runnable acknowledge = null;
        if (publish.getQos() != Qos.AT_MOST_ONCE) {
            Async<PublishInboundOutput> async = output.async(MAX_WAIT, TimeoutFallback.FAILURE,
                    AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, "the hub did not take the tap in time");
            acknowledge = async::resume;
        }
        hub.accept(new Arrival(publish.getTopic(), payload, false, correlation, received, acknowledge));
    }

    private boolean ownTopic(Topics.TopicAddress address, String clientId) {
        return address.kiosk().storeId().equals(storeId)
                && Accounts.kioskClientId(storeId, address.kiosk().kioskId()).equals(clientId);
    }
}
