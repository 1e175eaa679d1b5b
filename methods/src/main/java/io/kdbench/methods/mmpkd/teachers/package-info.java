/**
 * MMPKD's privileged teachers: an n-gram text classifier on the reports and a random forest on tabular codes, with
 * out-of-fold soft targets so the student never learns from a teacher that saw its case.
 */
package io.kdbench.methods.mmpkd.teachers;
