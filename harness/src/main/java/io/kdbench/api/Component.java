package io.kdbench.api;

/** Something registered by id, with a one-line description for {@code kdbench list}. */
public interface Component {
    /** Registry id, lower-case with dashes, e.g. {@code vit-student}. */
    String id();

    /** One line for listings. */
    String summary();

    /** Longer text: the paper (title, arXiv id), what follows it and what is assumed. Defaults to the summary. */
    default String describe() {
        return summary();
    }
}
