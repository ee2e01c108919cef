/**
 * Segmentations and how they are scored: label maps and their files (BSDS {@code .seg}, PNG),
 * the BSDS dataset layout, and the covering score of a segmentation against human ones
 * ({@link org.mbp.segment.Covering}, {@link org.mbp.segment.SegmentationBenchmark}).
 */
package org.mbp.segment;
