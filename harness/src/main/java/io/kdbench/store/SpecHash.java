package io.kdbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Names cells: a hash of the spec, the code version and the backend, so a change to any of them is a new cell. */
public final class SpecHash {
    private SpecHash() {
    }

    public static String of(RunSpec spec, String codeVersion, String backend) {
        try {
            byte[] canonical = Json.MAPPER.writeValueAsBytes(
                    Map.of("spec", spec, "codeVersion", codeVersion, "backend", backend));
            return sha256(canonical).substring(0, 24);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise run spec " + spec, e);
        }
    }

    /** The spec alone, to match cells of one spec stored by different code versions. */
    public static String ofSpec(RunSpec spec) {
        try {
            return sha256(Json.MAPPER.writeValueAsBytes(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise run spec " + spec, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
