package com.instore.bench.load;

import com.instore.bench.mqtt.Account;
import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;
import com.instore.bench.mqtt.MqttLink;
import com.instore.bench.mqtt.MqttLinks;
import com.instore.protocol.Channel;
import com.instore.protocol.KioskAddress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * K simulated kiosks, each a real MQTT connection with its own credentials, subscribed to its own screen topic. Answers go
 * to the {@link Tally} of the phase running now. Connect once, run several phases (a sweep), close once.
 */
public final class Fleet implements AutoCloseable {
    private final List<Kiosk> kiosks;
    private final Router router;

    private Fleet(List<Kiosk> kiosks, Router router) {
        this.kiosks = List.copyOf(kiosks);
        this.router = router;
    }

    /** Connects every kiosk of {@code accounts} (in parallel) and subscribes it; blocks until all are ready. */
    public static Fleet connect(MqttEndpoint endpoint, Accounts accounts) {
        Router router = new Router();
        List<Kiosk> kiosks = new ArrayList<>();
        List<Future<Kiosk>> connecting = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var entry : byKioskId(accounts)) {
                connecting.add(pool.submit(() -> connectOne(endpoint, entry.getKey(), entry.getValue(), router)));
            }
            for (Future<Kiosk> future : connecting) {
                kiosks.add(future.get());
            }
        } catch (ExecutionException | InterruptedException e) {
            connecting.stream().filter(f -> f.state() == Future.State.SUCCESS).forEach(f -> f.resultNow().link().close());
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the kiosk fleet could not connect: " + cause.getMessage(), cause);
        }
        return new Fleet(kiosks, router);
    }

    private static List<Map.Entry<KioskAddress, Account>> byKioskId(Accounts accounts) {
        return accounts.kiosks().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(KioskAddress::kioskId))).toList();
    }

    private static Kiosk connectOne(MqttEndpoint endpoint, KioskAddress address, Account account, Router router) {
        MqttLink link = MqttLinks.connect(endpoint, account);
        try {
            link.subscribe(address.topic(Channel.SCREEN), (topic, payload, correlation) ->
                    router.deliver(address, payload, correlation, System.nanoTime()));
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        return new Kiosk(address, link);
    }

    int size() {
        return kiosks.size();
    }

    Kiosk kiosk(int index) {
        return kiosks.get(index);
    }

    void route(Tally phase) {
        router.tally = phase;
    }

    /** Answers received so far by all kiosks, in a phase or between phases. */
    long answersSeen() {
        return router.seen.sum();
    }

    @Override
    public void close() {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            kiosks.forEach(kiosk -> pool.submit(() -> kiosk.link().close()));
        }
    }

    /** One connected kiosk. */
    record Kiosk(KioskAddress address, MqttLink link) {
        String tapTopic() {
            return address.topic(Channel.TAP);
        }
    }

    /** Hands answers to the current phase; answers between phases are dropped. */
    private static final class Router {
        private final LongAdder seen = new LongAdder();
        private volatile Tally tally;

        void deliver(KioskAddress kiosk, byte[] payload, byte[] correlation, long receivedNanos) {
            seen.increment();
            Tally current = tally;
            if (current != null) {
                current.answer(kiosk, payload, correlation, receivedNanos);
            }
        }
    }
}
