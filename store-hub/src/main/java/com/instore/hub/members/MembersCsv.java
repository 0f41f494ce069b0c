package com.instore.hub.members;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.instore.protocol.Consents;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the demo members file: a CSV with the header {@code member_id,first_name,tier,points,card_uid} and optionally
 * {@code consents} (any of {@code recognition personalised name-on-coupons}, separated by spaces or ';', or {@code none})
 * and {@code preferences} (offer categories, separated the same way). A file without a consents column is an older demo
 * file: its members count as having consented to recognition and personalised offers.
 */
final class MembersCsv {
    private static final CsvMapper MAPPER = new CsvMapper();
    static final Consents LEGACY_CONSENTS = new Consents(true, true, false);
    private static final Set<String> CONSENT_WORDS = Set.of("recognition", "personalised", "name-on-coupons", "none");

    private MembersCsv() {
    }

    /** One CSV line: the member, the card UID it carries (may be blank) and its preferences. */
    record Row(Member member, String cardUid, List<String> preferences) {
    }

    /** Parses {@code file}; a bad line fails the whole file with its line number (a half-loaded member list helps no one). */
    static List<Row> read(Path file) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Row> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Line> lines = MAPPER.readerFor(Line.class).with(schema).readValues(reader)) {
            while (lines.hasNextValue()) {
                int lineNo = lines.getCurrentLocation().getLineNr(); // the parser stands on the row's first field
                Line line = lines.nextValue();
                try {
                    rows.add(line.toRow());
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + " line " + lineNo + ": " + e.getMessage(), e);
                }
            }
        }
        return rows;
    }

    /** The raw columns, as Jackson binds them. */
    record Line(@JsonProperty("member_id") String memberId, @JsonProperty("first_name") String firstName,
                @JsonProperty("tier") String tier, @JsonProperty("points") Long points,
                @JsonProperty("card_uid") String cardUid, @JsonProperty("consents") String consents,
                @JsonProperty("preferences") String preferences) {
        Row toRow() {
            Member member = new Member(trim(memberId), trim(firstName), Tier.parse(String.valueOf(tier)),
                    points == null ? 0 : points, consents == null ? LEGACY_CONSENTS : parseConsents(consents));
            return new Row(member, trim(cardUid), words(preferences));
        }

        private static Consents parseConsents(String text) {
            List<String> given = words(text);
            given.stream().filter(w -> !CONSENT_WORDS.contains(w)).findFirst().ifPresent(w -> {
                throw new IllegalArgumentException("unknown consent '" + w + "', expected " + CONSENT_WORDS);
            });
            return new Consents(given.contains("recognition"), given.contains("personalised"),
                    given.contains("name-on-coupons"));
        }

        private static List<String> words(String text) {
            return text == null ? List.of() : Arrays.stream(text.toLowerCase(Locale.ROOT).split("[;\\s]+"))
                    .filter(w -> !w.isBlank()).collect(Collectors.toList());
        }

        private static String trim(String s) {
            return s == null ? "" : s.trim();
        }
    }
}
