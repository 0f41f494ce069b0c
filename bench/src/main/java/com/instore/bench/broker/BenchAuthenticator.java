package com.instore.bench.broker;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.instore.bench.mqtt.Account;
import com.instore.bench.mqtt.Accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The run's accounts as HiveMQ rules (CONVENTIONS.md): right password and own client id, or the connection is refused;
 * then publish and subscribe only under the account's filter. No anonymous client gets in. Thread-safe (immutable).
 */
final class BenchAuthenticator implements SimpleAuthenticator {
    private final Map<String, Account> byUsername;

    BenchAuthenticator(Accounts accounts) {
        this.byUsername = accounts.all().stream().collect(Collectors.toUnmodifiableMap(Account::username, Function.identity()));
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        Account account = connect.getUserName().map(byUsername::get).orElse(null);
        if (account == null || !passwordMatches(account, connect.getPassword().orElse(null))) {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "unknown user or wrong password");
            return;
        }
        if (!account.clientId().equals(connect.getClientId())) {
            output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "client id must be " + account.clientId());
            return;
        }
        TopicPermission own = Builders.topicPermission().topicFilter(account.allowedFilter())
                .type(TopicPermission.PermissionType.ALLOW).build();
        output.getDefaultPermissions().add(own);
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        output.authenticateSuccessfully();
    }

    private static boolean passwordMatches(Account account, ByteBuffer password) {
        if (password == null) {
            return false;
        }
        byte[] given = new byte[password.remaining()];
        password.duplicate().get(given);
        return MessageDigest.isEqual(given, account.password().getBytes(StandardCharsets.UTF_8));
    }
}
