/**
 * What every experiment shares: result folders ({@link org.mbp.run.ResultFolder}), the cell store
 * that lets an interrupted run resume ({@link org.mbp.run.CellStore}), typed rows and their stored
 * columns ({@link org.mbp.run.RowCodec}, {@link org.mbp.run.Rows}), progress lines, charts,
 * report assembly ({@link org.mbp.run.ReportAssembler}), the run's environment and the verdict on
 * a claim ({@link org.mbp.run.ClaimVerdict}).
 */
package org.mbp.run;
