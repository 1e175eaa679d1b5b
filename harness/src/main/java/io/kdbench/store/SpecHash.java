package io.kdbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kdbench.io.Sha256;

import java.util.Map;

/** Names cells: a hash of the spec, the code version and the backend, so a change to any of them is a new cell. */
public final class SpecHash {
    private SpecHash() {
    }

    public static String of(RunSpec spec, String codeVersion, String backend) {
        try {
            byte[] canonical = Json.MAPPER.writeValueAsBytes(
                    Map.of("spec", spec, "codeVersion", codeVersion, "backend", backend));
            return Sha256.hex(canonical).substring(0, 24);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise run spec " + spec, e);
        }
    }

    /** The spec alone, to match cells of one spec stored by different code versions. */
    public static String ofSpec(RunSpec spec) {
        try {
            return Sha256.hex(Json.MAPPER.writeValueAsBytes(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise run spec " + spec, e);
        }
    }
}
