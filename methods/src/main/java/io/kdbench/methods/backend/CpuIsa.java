package io.kdbench.methods.backend;

import io.kdbench.env.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The widest x86 vector instruction set the CPU reports in /proc/cpuinfo: what unpinned kernels would pick. */
final class CpuIsa {
    private static final List<String> WIDEST_FIRST = List.of("avx512f", "avx2", "avx", "sse4_2");

    private CpuIsa() {
    }

    static String highest() {
        if (System.getProperty(Environment.EMULATED_CPU) != null) {
            // /proc/cpuinfo is the host's under QEMU's user mode; the emulated model (the CPU model) decides
            return "that of the emulated CPU";
        }
        try {
            Path cpuinfo = Path.of("/proc/cpuinfo");
            if (!Files.isReadable(cpuinfo)) {
                return System.getProperty("os.arch");
            }
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("flags")) {
                    List<String> flags = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                    return WIDEST_FIRST.stream().filter(flags::contains).findFirst().orElse("none of " + WIDEST_FIRST);
                }
            }
            return "unknown";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
