package io.kdbench.datasets.synthetic;

/**
 * One finding's latent draw, shared by the image and the report so that the report's words describe the
 * image: {@code size} (0..1) sets the drawn extent and the size word, {@code visibility} (0..1) the drawn
 * contrast and the report's certainty, {@code location} the zone named in the report (null if absent).
 */
record CxrFinding(boolean present, double size, double visibility, String location) {
    static final CxrFinding ABSENT = new CxrFinding(false, 0, 0, null);
}
