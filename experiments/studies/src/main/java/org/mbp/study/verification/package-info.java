/**
 * The verification study: every catalogued layer through every check of
 * {@link org.mbp.verify.Verifier} on every backend, and whether all pass.
 */
package org.mbp.study.verification;
