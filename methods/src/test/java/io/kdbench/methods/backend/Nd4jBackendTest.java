package io.kdbench.methods.backend;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ND4J version in a cell's provenance is the jar's own, not a constant that may drift from the pom. */
class Nd4jBackendTest {

    @Test
    void theNd4jVersionIsReadFromTheJar() throws Exception {
        Properties pom = new Properties();
        try (var in = org.nd4j.linalg.factory.Nd4j.class.getResourceAsStream(Nd4jBackend.ND4J_POM)) {
            assertNotNull(in, "nd4j-api carries its pom.properties");
            pom.load(in);
        }
        assertEquals(pom.getProperty("version"), Nd4jBackend.nd4jVersion());
        assertTrue(Nd4jBackend.nd4jVersion().matches("\\d+\\.\\d+\\.\\d+.*"), Nd4jBackend.nd4jVersion());
    }
}
