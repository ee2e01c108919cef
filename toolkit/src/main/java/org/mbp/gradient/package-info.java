/**
 * One structured layer's loss and exact gradient for matrices given by the user (what
 * {@code mbp grad} computes): {@link org.mbp.gradient.GradientLayer} names the layers,
 * {@link org.mbp.gradient.GradientJob} checks the inputs and runs the layer on a
 * {@link org.mbp.device.ComputeDevice}.
 */
package org.mbp.gradient;
