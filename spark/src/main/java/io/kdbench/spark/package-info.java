/**
 * run --spark: cells as Apache Spark tasks, with the driver storing each as it comes back, retries, and the GPU
 * address a task binds ND4J to.
 */
package io.kdbench.spark;
