package org.mbp.train;

import java.util.List;
import org.mbp.nn.Gradient;

/**
 * What one batched pass over some training examples gives: the sum of their losses, the sum of
 * their parameter gradients, and each example's monitored readings.
 *
 * @param loss     the examples' summed loss
 * @param gradient the examples' summed parameter gradients
 * @param readings the readings of every example, in example order
 */
public record BatchResult(double loss, Gradient gradient, List<Reading> readings) {
}
