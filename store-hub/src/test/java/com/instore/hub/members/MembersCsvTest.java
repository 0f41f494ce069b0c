package com.instore.hub.members;

import com.instore.protocol.Consents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembersCsvTest {
    static final Path DEMO = Path.of("../config/demo/members.csv");

    @Test
    void read_demoFile_givesEveryMemberWithTierPointsAndCard() throws IOException {
        List<MembersCsv.Row> rows = MembersCsv.read(DEMO);

        assertThat(rows).hasSize(22);
        assertThat(rows.getFirst().member()).isEqualTo(new Member("m-0001", "Camille", Tier.GOLD, 1840,
                new Consents(true, true, true)));
        assertThat(rows.getFirst().preferences()).containsExactly("coffee", "fashion");
        assertThat(rows.get(11).member().consents()).isEqualTo(Consents.NONE);
        assertThat(rows.getFirst().cardUid()).isEqualTo("04A22B1A5C8001");
        assertThat(rows).extracting(r -> r.member().firstName()).contains("Léa", "Chloé", "Raphaël");
    }

    @Test
    void read_unknownTier_failsNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("members.csv");
        Files.writeString(file, """
                member_id,first_name,tier,points,card_uid
                m-1,Ann,GOLD,10,04A1
                m-2,Bob,DIAMOND,10,04A2
                """);

        assertThatThrownBy(() -> MembersCsv.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 3").hasMessageContaining("DIAMOND");
    }

    @Test
    void read_quotedFieldsAndMissingCard_areParsedByTheCsvRules(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("members.csv");
        Files.writeString(file, """
                member_id,first_name,tier,points,card_uid
                m-1,"Anne, Marie",silver,700,
                """);

        List<MembersCsv.Row> rows = MembersCsv.read(file);

        assertThat(rows.getFirst().member()).isEqualTo(new Member("m-1", "Anne, Marie", Tier.SILVER, 700,
                MembersCsv.LEGACY_CONSENTS));
        assertThat(rows.getFirst().cardUid()).isEmpty();
    }

    @Test
    void read_unknownConsent_failsNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("members.csv");
        Files.writeString(file, """
                member_id,first_name,tier,points,card_uid,consents
                m-1,Ann,GOLD,10,04A1,recognition telepathy
                """);

        assertThatThrownBy(() -> MembersCsv.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 2").hasMessageContaining("telepathy");
    }
}
