package com.instore.bench.load;

import com.instore.protocol.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PopulationTest {
    private final Roster roster = Roster.generate(1_000, 7);

    @Test
    void draws_followTheMix_withinOnePercent() {
        Population population = new Population(roster.cardUids(), PopulationMix.REALISTIC, 50, 1);
        Map<Population.Kind, Integer> counts = new EnumMap<>(Population.Kind.class);
        int draws = 50_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(population.next(population.nextKiosk()).kind(), 1, Integer::sum);
        }

        assertThat(counts.get(Population.Kind.MEMBER) / (double) draws).isCloseTo(0.70, within(0.01));
        assertThat(counts.get(Population.Kind.UNKNOWN) / (double) draws).isCloseTo(0.20, within(0.01));
        assertThat(counts.get(Population.Kind.REPEAT) / (double) draws).isCloseTo(0.10, within(0.01));
    }

    @Test
    void memberTaps_useRosterCards_andUnknownTapsNever() {
        Set<String> members = new HashSet<>(roster.cardUids());
        Population population = new Population(roster.cardUids(), PopulationMix.REALISTIC, 3, 2);
        for (int i = 0; i < 5_000; i++) {
            Population.Draw draw = population.next(i % 3);
            assertThat(draw.credential().type()).isEqualTo(Credential.Type.CARD_UID);
            switch (draw.kind()) {
                case MEMBER -> assertThat(members).contains(draw.credential().value());
                case UNKNOWN -> assertThat(members).doesNotContain(draw.credential().value());
                case REPEAT -> { }
            }
        }
    }

    @Test
    void repeat_isThePreviousCardAtTheSameKiosk() {
        Population population = new Population(roster.cardUids(), new PopulationMix(0, 0, 1), 2, 3);

        Population.Draw first = population.next(0);
        Population.Draw second = population.next(0);
        Population.Draw otherKiosk = population.next(1);

        assertThat(first.kind()).isEqualTo(Population.Kind.MEMBER);
        assertThat(second.kind()).isEqualTo(Population.Kind.REPEAT);
        assertThat(second.credential()).isEqualTo(first.credential());
        assertThat(otherKiosk.kind()).isEqualTo(Population.Kind.MEMBER);
    }

    @Test
    void sameSeed_drawsTheSameTaps() {
        Population a = new Population(roster.cardUids(), PopulationMix.REALISTIC, 10, 9);
        Population b = new Population(roster.cardUids(), PopulationMix.REALISTIC, 10, 9);

        for (int i = 0; i < 100; i++) {
            int kiosk = a.nextKiosk();
            assertThat(b.nextKiosk()).isEqualTo(kiosk);
            assertThat(b.next(kiosk)).isEqualTo(a.next(kiosk));
        }
    }

    @Test
    void roster_hasUniqueCards_andWritesTheHubsCsvHeader(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("members.csv");
        roster.writeCsv(csv);

        List<String> lines = Files.readAllLines(csv);
        assertThat(new HashSet<>(roster.cardUids())).hasSize(1_000);
        assertThat(lines).hasSize(1_001);
        assertThat(lines.getFirst()).isEqualTo("member_id,first_name,tier,points,card_uid");
        assertThat(lines.get(1)).startsWith("m-b00001,").endsWith("," + roster.cardUids().getFirst());
    }
}
