/**
 * The rank study: whether minimising the normalized-cuts losses reaches the rank statements of
 * the paper (Lemma 2, eq. 66: J2 below ½ fixes the rank of W).
 */
package org.mbp.study.rank;
