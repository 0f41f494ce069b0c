package com.instore.bench.broker;

import com.instore.bench.mqtt.Accounts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MosquittoConfigTest {
    private final Accounts accounts = Accounts.generate("s1", 2);

    @Test
    void conf_listensOnLoopbackOnly_withNagleOff_andNoAnonymous() {
        String conf = new MosquittoConfig(18830, Path.of("/w/passwd"), Path.of("/w/acl"), "bench").mosquittoConf();

        assertThat(conf).contains("listener 18830 127.0.0.1", "allow_anonymous false", "set_tcp_nodelay true",
                "password_file /w/passwd", "acl_file /w/acl", "max_inflight_messages 1000", "max_queued_messages 100000",
                "user bench");
    }

    @Test
    void acl_keepsEachKioskInItsOwnSubtree_andTheHubUnderStores() {
        String acl = MosquittoConfig.acl(accounts);

        assertThat(acl).contains("user s1/k0001\ntopic readwrite stores/s1/kiosks/k0001/#\n",
                "user s1/k0002\ntopic readwrite stores/s1/kiosks/k0002/#\n", "user hub\ntopic readwrite stores/#\n");
    }

    @Test
    void passwords_haveOneLinePerAccount_inMosquittoPasswdInputFormat() {
        String passwords = MosquittoConfig.plainPasswords(accounts);

        assertThat(passwords.lines()).hasSize(3);
        assertThat(passwords).contains("s1/k0001:" + accounts.sortedKiosks().getFirst().password() + "\n",
                "hub:" + accounts.hub().password() + "\n");
    }
}
