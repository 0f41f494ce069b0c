package com.instore.bench.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generated members with unique card UIDs, written in the hub's members CSV format
 * ({@code member_id,first_name,tier,points,card_uid}, as config/demo/members.csv).
 */
public record Roster(List<Member> members) {
    private static final String[] NAMES = {"Camille", "Lucas", "Léa", "Hugo", "Chloé", "Louis", "Manon", "Jules", "Inès",
        "Gabriel", "Sarah", "Arthur", "Emma", "Noah", "Alice", "Adam"};
    private static final String[] TIERS = {"BRONZE", "BRONZE", "BRONZE", "SILVER", "SILVER", "GOLD", "PLATINUM"};

    public Roster {
        members = List.copyOf(members);
    }

    /** {@code count} members, reproducible for a seed. */
    public static Roster generate(int count, long seed) {
        Random random = new Random(seed);
        Set<String> uids = new HashSet<>();
        List<Member> members = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String uid;
            do {
                uid = "04" + String.format(Locale.ROOT, "%012X", random.nextLong() & 0xFFFF_FFFF_FFFFL);
            } while (!uids.add(uid));
            members.add(new Member("m-b%05d".formatted(i), NAMES[random.nextInt(NAMES.length)],
                    TIERS[random.nextInt(TIERS.length)], random.nextInt(6_000), uid));
        }
        return new Roster(members);
    }

    public List<String> cardUids() {
        return members.stream().map(Member::cardUid).toList();
    }

    public void writeCsv(Path file) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = mapper.schemaFor(Member.class).withHeader();
        try (SequenceWriter writer = mapper.writer(schema).writeValues(file.toFile())) {
            writer.writeAll(members);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write members to " + file, e);
        }
    }

    /** One member row; the property order is the CSV column order. */
    @JsonPropertyOrder({"member_id", "first_name", "tier", "points", "card_uid"})
    public record Member(@JsonProperty("member_id") String memberId,
                         @JsonProperty("first_name") String firstName,
                         String tier, int points,
                         @JsonProperty("card_uid") String cardUid) {
    }
}
