package com.instore.hub.members;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the demo members file: a CSV with the header {@code member_id,first_name,tier,points,card_uid}. */
final class MembersCsv {
    private static final CsvMapper MAPPER = new CsvMapper();

    private MembersCsv() {
    }

    /** One CSV line: the member and the card UID it carries (may be blank). */
    record Row(Member member, String cardUid) {
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
                @JsonProperty("card_uid") String cardUid) {
        Row toRow() {
            Member member = new Member(trim(memberId), trim(firstName), Tier.parse(String.valueOf(tier)),
                    points == null ? 0 : points);
            return new Row(member, trim(cardUid));
        }

        private static String trim(String s) {
            return s == null ? "" : s.trim();
        }
    }
}
