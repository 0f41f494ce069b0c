package com.instore.bench.mqtt;

import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HiveMQ MQTT client and HiveMQ CE set no socket options of their own: every socket they open is a Netty channel whose
 * config turns TCP_NODELAY on by default. This test guards that default (a Netty upgrade that changed it would cost
 * 40-80 ms per tap).
 */
class TcpNoDelayTest {

    @Test
    void nettySocketChannels_runWithTcpNoDelay_byDefault() throws Exception {
        NioSocketChannel channel = new NioSocketChannel();
        try {
            assertThat(channel.config().isTcpNoDelay()).isTrue();
        } finally {
            channel.unsafe().closeForcibly();
        }
    }
}
