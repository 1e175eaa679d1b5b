package io.kdbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who holds a claim or wrote a temporary file: this process's pid and host, and whether such an owner is alive. */
public record ProcessOwner(long pid, String host) {

    public static ProcessOwner current() {
        return new ProcessOwner(ProcessHandle.current().pid(), hostName());
    }

    /** "pid@host", as written in claim files. */
    public String token() {
        return pid + "@" + host;
    }

    public static ProcessOwner parse(String token) {
        int at = token.indexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("not a pid@host owner: '" + token + "'");
        }
        return new ProcessOwner(Long.parseLong(token.substring(0, at).trim()), token.substring(at + 1).trim());
    }

    /** Alive if on this host and the pid runs; owners on other hosts cannot be checked and count as alive. */
    public boolean isAlive() {
        if (!host.equals(hostName())) {
            return true;
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public boolean onThisHost() {
        return host.equals(hostName());
    }

    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                return Files.readString(etc).trim();
            }
        } catch (IOException e) {
            return "unknown-host";
        }
        return "unknown-host";
    }
}
