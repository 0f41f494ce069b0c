package com.instore.hub.members;

import com.instore.hub.db.Database;
import com.instore.protocol.Consents;
import com.instore.protocol.Credential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MembersTest {
    @TempDir
    Path dir;
    Database db;
    Members members;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("hub.db"));
        members = new Members(db, "test-store-secret");
        members.load(MembersCsvTest.DEMO);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void recognise_knownCardUid_givesTheMember() throws Exception {
        Optional<Member> camille = db.withConnection(c -> members.recognise(c, new Credential(Credential.Type.CARD_UID, "04a22b1a5c8001")));

        assertThat(camille).contains(new Member("m-0001", "Camille", Tier.GOLD, 1840, new Consents(true, true, true)));
    }

    @Test
    void recognise_unknownCardOrOtherCredentialType_isAnonymous() throws Exception {
        Optional<Member> unknown = db.withConnection(
                c -> members.recognise(c, new Credential(Credential.Type.CARD_UID, "04FFFFFFFFFFFF")));
        Optional<Member> ndef = db.withConnection(
                c -> members.recognise(c, new Credential(Credential.Type.NDEF, "04A22B1A5C8001")));

        assertThat(unknown).isEmpty();
        assertThat(ndef).isEmpty();
    }

    @Test
    void load_isAnUpsert_andStoresNoClearUid() throws Exception {
        assertThat(members.load(MembersCsvTest.DEMO)).isEqualTo(22);

        List<String> stored = db.withConnection(c -> {
            List<String> values = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT credential_hash, member_id FROM member_credentials")) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
        assertThat(stored).hasSize(22).allMatch(h -> h.matches("[0-9a-f]{64}"))
                .noneMatch(h -> h.equalsIgnoreCase("04A22B1A5C8001"));
        assertThat(members.byId("m-0001")).hasValueSatisfying(m -> assertThat(m.points()).isEqualTo(1840));
    }
}
