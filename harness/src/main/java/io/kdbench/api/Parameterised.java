package io.kdbench.api;

import java.util.Map;

/** A component configured from the experiment file. */
public interface Parameterised extends Component {
    /**
     * Every parameter this component accepts, with its default, the values it accepts and one line of meaning
     * (printed by {@code kdbench list --describe}). The default's type is the parameter's type (Integer, Double,
     * Boolean, String, or a List of those); an experiment file naming any other key is refused before the run
     * starts, and a value out of a declared range is refused with the parameter's name, range and value.
     */
    ParamSpec parameters();

    /** The declared parameters' defaults, in declaration order. */
    default Map<String, Object> defaults() {
        return parameters().defaults();
    }

    /**
     * Checks what the declared ranges cannot: rules across parameters ("steps >= rounds"), parsing, files. Runs
     * after the ranges ({@link #check}); throws IllegalArgumentException with a message naming the parameter, what
     * was expected and the value found. Types were already checked.
     */
    default void validate(Params params) {
    }

    /** The declared ranges, then {@link #validate}: what the experiment loader runs before any work starts. */
    default void check(Params params) {
        parameters().check(params);
        validate(params);
    }
}
