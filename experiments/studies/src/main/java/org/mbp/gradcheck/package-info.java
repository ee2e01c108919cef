/**
 * {@code mbp gradcheck} as a library: {@link org.mbp.gradcheck.GradCheck} runs the accuracy grid
 * of {@link org.mbp.accuracy} on a device, writes it as JSON (the baseline format) and compares it
 * with a stored baseline.
 */
package org.mbp.gradcheck;
