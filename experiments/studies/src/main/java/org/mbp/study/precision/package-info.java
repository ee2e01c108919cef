/**
 * The precision study (§7.1): whether computing the structured layers in single precision gives a
 * significantly less accurate gradient than double, input by input, spectrum by spectrum and
 * layer by layer, against the high-precision reference.
 */
package org.mbp.study.precision;
