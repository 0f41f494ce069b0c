package com.instore.hub.taps;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends the answers of committed batches on a thread of its own ({@code hub-answers}) and hands their taps over to be
 * acknowledged ({@link SyncedAcks}), so that the tap writer goes on to its next batch instead of publishing: the writer
 * only decides and commits. Batches are sent in the order they were handed over and each batch in its own order, one
 * thread, so a kiosk's answers keep the order of its taps; a tap is handed over only after its batch committed. {@link
 * #execute} never blocks. Answers not sent when the hub stops leave their taps unacknowledged: the broker redelivers them
 * and they get their stored answer.
 */
final class AnswerSender implements Executor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AnswerSender.class.getName());

    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("hub-answers").daemon().factory());

    /** Runs {@code sending} (a committed batch's answers) after what came before. Never blocks. */
    @Override
    public void execute(Runnable sending) {
        try {
            thread.execute(sending);
        } catch (RejectedExecutionException stopping) {
            LOG.log(System.Logger.Level.DEBUG, "hub stopping: answers left for the broker to redeliver their taps");
        }
    }

    /** Sends what was handed over before (up to 5 s), then stops. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }
}
