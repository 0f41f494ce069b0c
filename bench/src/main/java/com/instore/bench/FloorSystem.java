package com.instore.bench;

import com.instore.bench.broker.Broker;
import com.instore.bench.floor.EchoService;
import com.instore.bench.mqtt.Accounts;
import com.instore.bench.mqtt.MqttEndpoint;

/** The floor: a broker of the chosen kind with the echo service as the hub's stand-in. */
final class FloorSystem implements SystemUnderTest {
    private final Broker broker;
    private final EchoService echo;
    private final Accounts accounts;

    private FloorSystem(Broker broker, EchoService echo, Accounts accounts) {
        this.broker = broker;
        this.echo = echo;
        this.accounts = accounts;
    }

    /** Starts the echo service on {@code broker}, which must know {@code accounts}; closes the broker on failure. */
    static FloorSystem start(Broker broker, Accounts accounts) {
        try {
            return new FloorSystem(broker, EchoService.start(broker.endpoint(), accounts.hub()), accounts);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    @Override
    public String target() {
        return "floor";
    }

    @Override
    public String broker() {
        return broker.name();
    }

    @Override
    public MqttEndpoint endpoint() {
        return broker.endpoint();
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public void close() {
        try {
            echo.close();
        } finally {
            broker.close();
        }
    }
}
