package com.instore.hub.access;

import io.helidon.http.Method;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {
    @Test
    void publicRoutes_needNoLogin() {
        assertThat(AccessPolicy.required(Method.GET, "/health")).isEmpty();
        assertThat(AccessPolicy.required(Method.POST, "/api/enrol")).isEmpty();
        assertThat(AccessPolicy.required(Method.POST, "/join/abc")).isEmpty();
        assertThat(AccessPolicy.required(Method.GET, "/api/coupons/ABC/qr.svg")).isEmpty();
    }

    @Test
    void reads_needStaff_changes_needOperator_users_needAdmin() {
        assertThat(AccessPolicy.required(Method.GET, "/")).contains(Role.STAFF);
        assertThat(AccessPolicy.required(Method.GET, "/api/kiosks/coffee/config")).contains(Role.STAFF);
        assertThat(AccessPolicy.required(Method.PUT, "/api/kiosks/coffee/config")).contains(Role.OPERATOR);
        assertThat(AccessPolicy.required(Method.GET, "/api/members/m-1/export")).contains(Role.OPERATOR);
        assertThat(AccessPolicy.required(Method.DELETE, "/api/users/sam")).contains(Role.ADMIN);
    }

    @Test
    void unknownRoutes_needOperator_neverOpen() {
        assertThat(AccessPolicy.required(Method.GET, "/something/new")).isEqualTo(Optional.of(Role.OPERATOR));
        assertThat(AccessPolicy.required(Method.GET, "/joinus")).contains(Role.OPERATOR);
        assertThat(AccessPolicy.required(Method.GET, "/api/kiosks/coffee/enrolment-code.svg")).contains(Role.OPERATOR);
    }

    @Test
    void roles_includeTheOnesBelow() {
        assertThat(Role.ADMIN.covers(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.covers(Role.STAFF)).isTrue();
        assertThat(Role.STAFF.covers(Role.OPERATOR)).isFalse();
    }

    @Test
    void passwords_areArgon2id_saltedAndChecked() {
        String hash = Passwords.hash("correct horse battery");
        assertThat(hash).startsWith("argon2id$").isNotEqualTo(Passwords.hash("correct horse battery"));
        assertThat(Passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(Passwords.matches("wrong", hash)).isFalse();
        assertThat(Passwords.matches("x", "garbage")).isFalse();
    }
}
