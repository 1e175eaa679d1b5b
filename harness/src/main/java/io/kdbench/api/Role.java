package io.kdbench.api;

/**
 * What a row is for in a comparison. Reports draw floors and upper bounds apart from the competitors, the
 * "learned" verdict does not judge floors, and the best-row mark is given only among competitors.
 */
public enum Role {
    /** A reference that needs no learning from the image to speak of (the label prior, a linear probe). */
    FLOOR,
    /** A method or a baseline it is compared with. */
    COMPETITOR,
    /** A ceiling: reads privileged data at test time or trains on data the others cannot pool. */
    UPPER_BOUND
}
