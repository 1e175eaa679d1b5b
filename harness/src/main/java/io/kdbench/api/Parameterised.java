package io.kdbench.api;

import java.util.Map;

/** A component configured from the experiment file. */
public interface Parameterised extends Component {
    /**
     * Every parameter this component accepts, with its default. The default's type is the parameter's type
     * (Integer, Double, Boolean, String, or a List of those); an experiment file naming any other key is
     * refused before the run starts.
     */
    Map<String, Object> defaults();

    /**
     * Checks parameter values (ranges, choices) before any work starts; throws IllegalArgumentException
     * with a message naming the parameter and what was expected. Types were already checked.
     */
    default void validate(Params params) {
    }
}
