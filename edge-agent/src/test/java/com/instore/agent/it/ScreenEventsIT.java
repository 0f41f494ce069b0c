package com.instore.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /screen/events} read as a browser would, with java.net.http. */
class ScreenEventsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tempDir;
    private TestBroker broker;
    private TestHub hub;
    private RunningAgent agent;

    @BeforeEach
    void start() throws Exception {
        broker = TestBroker.start(tempDir.resolve("broker"));
        hub = new TestHub(broker.uri(), RunningAgent.KIOSK);
        agent = new RunningAgent(tempDir, broker.uri(), Map.of());
        // A tap made while the link is still down is answered locally at once ("your visit is recorded").
        org.awaitility.Awaitility.await().atMost(WAIT).until(agent::mqttConnected);
    }

    @AfterEach
    void stop() {
        agent.close();
        hub.close();
        broker.close();
    }

    @Test
    void events_startWithTheCurrentState_thenFollowATap() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(agent.baseUrl() + "/screen/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> readEvents(response.body(), events));
        try {
            assertThat(next(events).get("state").asText()).isEqualTo("attract");

            String tapId = agent.tap("04A22B1A5C8001");
            JsonNode tap = next(events);
            assertThat(tap.get("state").asText()).isEqualTo("tap");
            assertThat(tap.get("tapId").asText()).isEqualTo(tapId);

            hub.nextTap(WAIT);
            hub.answerMember(tapId, "Hello Camille", List.of());
            JsonNode member = next(events);
            assertThat(member.get("state").asText()).isEqualTo("member");
            assertThat(member.get("greeting").asText()).isEqualTo("Hello Camille");
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    private static JsonNode next(BlockingQueue<JsonNode> events) throws InterruptedException {
        JsonNode event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no screen event within " + WAIT);
        }
        return event;
    }

    /**
     * Queues the data of each {@code screen} event; the stream also carries {@code settings} (whenever the retained
     * configuration arrives, so at no fixed place) and heartbeats, which the page handles apart.
     */
    private static void readEvents(InputStream body, BlockingQueue<JsonNode> events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && name.equals("screen")) {
                    events.add(RunningAgent.json(line.substring("data:".length()).trim()));
                } else if (line.isEmpty()) {
                    name = "message";
                }
            }
        } catch (Exception streamClosed) {
            // The test is over.
        }
    }
}
