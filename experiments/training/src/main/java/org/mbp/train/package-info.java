/**
 * The training experiments of §7: DeepO₂P classification ({@link org.mbp.train.DeepO2PTraining})
 * and deep normalized cuts segmentation ({@link org.mbp.train.DeepNCutsTraining}), their tasks and
 * models, the {@link org.mbp.train.Trainer} loop with checkpoints, and typed findings from which
 * verdicts, charts and reports derive.
 */
package org.mbp.train;
