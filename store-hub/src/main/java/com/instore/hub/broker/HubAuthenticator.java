package com.instore.hub.broker;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.services.builder.Builders;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * HiveMQ's view of {@link AccessRules}: accepts or refuses each CONNECT and installs the client's default permissions
 * (deny by default). Called on HiveMQ's extension threads; never blocks. Logs who was refused, never a password.
 */
final class HubAuthenticator implements SimpleAuthenticator {
    private static final System.Logger LOG = System.getLogger(HubAuthenticator.class.getName());

    private final AccessRules rules;

    HubAuthenticator(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        Optional<byte[]> password = connect.getPassword().map(HubAuthenticator::bytes);
        switch (rules.decide(connect.getUserName(), password, connect.getClientId())) {
            case AccessRules.Allowed allowed -> allow(allowed.grant(), output);
            case AccessRules.Refused refused -> {
                LOG.log(System.Logger.Level.INFO, "refused MQTT client ''{0}'': {1}", connect.getClientId(), refused.why());
                output.failAuthentication(refused.badCredentials() ? ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD
                        : ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "not authorized");
            }
        }
    }

    private static void allow(Grant grant, SimpleAuthOutput output) {
        var permissions = output.getDefaultPermissions();
        permissions.clear();
        grant.publish().forEach(f -> permissions.add(permission(f, TopicPermission.MqttActivity.PUBLISH)));
        grant.subscribe().forEach(f -> permissions.add(permission(f, TopicPermission.MqttActivity.SUBSCRIBE)));
        permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        output.authenticateSuccessfully();
    }

    private static TopicPermission permission(String filter, TopicPermission.MqttActivity activity) {
        return Builders.topicPermission()
                .topicFilter(filter)
                .type(TopicPermission.PermissionType.ALLOW)
                .activity(activity)
                .build();
    }

    /** A copy of what is left in {@code buffer} (HiveMQ hands packets' bytes over as read-only buffers). */
    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
