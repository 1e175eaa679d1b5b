/**
 * What a real-data dataset last read from its file (one entry, held softly), so the experiment loader's validation
 * and each seed's splits read a manifest or MedMNIST file once.
 */
package io.kdbench.datasets.cache;
