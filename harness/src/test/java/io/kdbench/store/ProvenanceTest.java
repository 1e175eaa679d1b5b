package io.kdbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Data file checksums travel through the cell JSON; cells of generated data are stored without the field. */
class ProvenanceTest {
    @Test
    void dataFilesRoundTripAndAreLeftOutWhenEmpty() throws Exception {
        Provenance with = new Provenance(null, "a", "b", "kdbench run x", Map.of("data/x.npz", "ab12"));
        String json = Json.MAPPER.writeValueAsString(with);
        assertEquals(with.dataFiles(), Json.MAPPER.readValue(json, Provenance.class).dataFiles());

        JsonNode without = Json.MAPPER.valueToTree(new Provenance(null, "a", "b", "kdbench run x"));
        assertFalse(without.has("dataFiles"), without.toString());
        Provenance old = Json.MAPPER.treeToValue(without, Provenance.class); // a cell stored before the field
        assertEquals(Map.of(), old.dataFiles());
    }
}
