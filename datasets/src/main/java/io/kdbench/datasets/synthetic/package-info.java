/**
 * The synthetic analogues of the five papers' data (chest X-ray with reports, mammography with BI-RADS codes,
 * RGB-D, skin image pairs, fetal ultrasound, federated knee MR), each drawn from its seed with the papers'
 * premises controlled by documented parameters.
 */
package io.kdbench.datasets.synthetic;
