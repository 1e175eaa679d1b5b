/**
 * The contract between the harness and its plug-ins: the interfaces a method, a dataset and a metric implement
 * (DistillationMethod, BenchmarkDataset, Metric), what they are given and return (TrainContext, TrainedModel,
 * DatasetInfo, MetricResult), their declared parameters (Param, ParamSpec, Params) and the named seed streams
 * every random draw comes from (Seeds).
 */
package io.kdbench.api;
