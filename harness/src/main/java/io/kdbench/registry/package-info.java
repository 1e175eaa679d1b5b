/**
 * The registries of methods, datasets and metrics, filled through ServiceLoader, so a jar on the class path adds
 * components.
 */
package io.kdbench.registry;
