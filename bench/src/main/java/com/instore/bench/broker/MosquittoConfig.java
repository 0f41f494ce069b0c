package com.instore.bench.broker;

import com.instore.bench.mqtt.Account;
import com.instore.bench.mqtt.Accounts;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The files of a benchmark Mosquitto: the configuration, the ACL (each account only under its own filter) and the
 * password file in plain text, which {@code mosquitto_passwd -U} then hashes in place. Pure: renders text only.
 */
record MosquittoConfig(int port, Path passwordFile, Path aclFile, String runAsUser) {
    /** Far above Paho's window and Mosquitto's default 20: a kiosk fleet has many QoS 1 messages in flight. */
    static final int MAX_INFLIGHT = 1_000;
    static final int MAX_QUEUED = 100_000;

    String mosquittoConf() {
        return """
                # Written by bench for one run and deleted afterwards.
                per_listener_settings false
                listener %d 127.0.0.1
                allow_anonymous false
                password_file %s
                acl_file %s
                # Nagle's algorithm costs 40-80 ms per request/response on loopback: every socket of ours runs without it.
                set_tcp_nodelay true
                max_inflight_messages %d
                max_queued_messages %d
                persistence false
                user %s
                log_dest stderr
                log_type error
                log_type warning
                """.formatted(port, passwordFile, aclFile, MAX_INFLIGHT, MAX_QUEUED, runAsUser);
    }

    static String acl(Accounts accounts) {
        return accounts.all().stream()
                .map(account -> "user " + account.username() + "\ntopic readwrite " + account.allowedFilter() + "\n"
                        + (account == accounts.hub() ? "topic read $share/+/" + account.allowedFilter() + "\n" : ""))
                .collect(Collectors.joining("\n"));
    }

    static String plainPasswords(Accounts accounts) {
        return accounts.all().stream().map(MosquittoConfig::passwordLine).collect(Collectors.joining());
    }

    private static String passwordLine(Account account) {
        return account.username() + ":" + account.password() + "\n";
    }
}
