package com.instore.agent.command;

import com.instore.protocol.Channel;
import com.instore.protocol.Command;
import com.instore.protocol.CommandResult;
import com.instore.protocol.InvalidMessageException;
import com.instore.protocol.KioskAddress;
import com.instore.protocol.MessageCodec;
import com.instore.protocol.SchemaVersion;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Runs the hub's commands (MQTT 5 request/response): each runs on a worker bounded by its timeout, and its
 * {@link CommandResult} goes to the request's response topic with its correlation data. A response topic outside this
 * kiosk's own subtree is ignored (the broker would refuse it anyway) in favour of its {@code command/result}.
 * {@link #onCommand} returns at once. Thread-safe.
 */
public final class CommandRunner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CommandRunner.class.getName());

    /** Publishes a (non-retained) message with correlation data; must not block. */
    @FunctionalInterface
    public interface Replies {
        void publish(String topic, byte[] payload, byte[] correlationData);
    }

    private final KioskAddress kiosk;
    private final KioskActions actions;
    private final Replies replies;
    private final MessageCodec codec;
    private final Clock clock;
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("commands").daemon().factory());
    private final ExecutorService workers = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("command-", 0).daemon().factory());

    public CommandRunner(KioskAddress kiosk, KioskActions actions, Replies replies, MessageCodec codec, Clock clock) {
        this.kiosk = kiosk;
        this.actions = actions;
        this.replies = replies;
        this.codec = codec;
        this.clock = clock;
    }

    /** A command arrived (from the link's thread). */
    public void onCommand(byte[] payload, String responseTopic, byte[] correlationData) {
        dispatcher.execute(() -> run(payload, responseTopic, correlationData));
    }

    private void run(byte[] payload, String responseTopic, byte[] correlationData) {
        Command command;
        try {
            command = codec.decode(payload, Command.class);
        } catch (InvalidMessageException e) {
            LOG.warning("dropped an unreadable command: " + e.getMessage());
            return;
        }
        String topic = responseTopic != null && responseTopic.startsWith(kiosk.subtree().replace("#", ""))
                ? responseTopic : kiosk.topic(Channel.COMMAND_RESULT);
        byte[] correlation = correlationData != null ? correlationData : command.id().getBytes(StandardCharsets.UTF_8);
        CommandResult result = execute(command);
        replies.publish(topic, codec.encode(result), correlation);
    }

    private CommandResult execute(Command command) {
        Future<Object> work = workers.submit(() -> perform(command.type()));
        try {
            Object done = work.get(command.timeoutMs(), TimeUnit.MILLISECONDS);
            return result(command, CommandResult.Outcome.OK, done instanceof String s ? s : "done",
                    done instanceof Map<?, ?> m ? stringMap(m) : Map.of());
        } catch (TimeoutException e) {
            work.cancel(true);
            return result(command, CommandResult.Outcome.TIMEOUT, "not done within " + command.timeoutMs() + " ms", Map.of());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return result(command, cause instanceof UnsupportedOperationException ? CommandResult.Outcome.UNSUPPORTED
                    : CommandResult.Outcome.FAILED, String.valueOf(cause.getMessage()), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(command, CommandResult.Outcome.FAILED, "interrupted", Map.of());
        }
    }

    private Object perform(Command.Type type) throws Exception {
        return switch (type) {
            case IDENTIFY -> actions.identify();
            case PRINT_TEST_PAGE -> actions.printTestPage();
            case RELOAD_CONFIG -> actions.reloadConfig();
            case RESTART_SCREEN -> actions.restartScreen();
            case DIAGNOSTICS -> actions.diagnostics();
        };
    }

    private CommandResult result(Command command, CommandResult.Outcome outcome, String detail, Map<String, String> data) {
        return new CommandResult(SchemaVersion.CURRENT, UUID.randomUUID().toString(), clock.instant(), kiosk.kioskId(),
                command.id(), outcome, detail.length() > 2000 ? detail.substring(0, 2000) : detail, data);
    }

    private static Map<String, String> stringMap(Map<?, ?> map) {
        Map<String, String> out = new java.util.TreeMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    @Override
    public void close() {
        dispatcher.shutdownNow();
        workers.shutdownNow();
    }
}
