/**
 * The SVD-versus-EIG study (§7.1): whether the SVD route of the DeepO₂P derivative (eq. 46) is
 * numerically more stable than the EIG route (eq. 47), input by input and by regime of shape,
 * conditioning and gap, with a bound on the gap-stable form's error.
 */
package org.mbp.study.svdeig;
