package org.mbp.train;

import java.util.List;
import org.mbp.nn.Gradient;

/** The loss of one training example, its parameter gradient and its monitored readings. */
public record ExampleResult(double loss, Gradient gradient, List<Reading> readings) {
}
