/**
 * HTML building blocks of the report: pages, sections, figures and the training sections.
 */
package io.kdbench.reports.html;
