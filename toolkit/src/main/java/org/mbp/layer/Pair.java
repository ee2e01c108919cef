package org.mbp.layer;

/** Two matrices that travel together, such as (M, Ω) of Prop. 5 or (F, Λ) of eq. 64. */
public record Pair<M>(M first, M second) {
}
