/**
 * Studies: a {@link org.mbp.study.Study} is a {@link org.mbp.study.Grid} of points it runs and a
 * {@link org.mbp.study.Claim} it checks on the rows. {@link org.mbp.study.StudyRunner} runs the
 * cells (resumable, shardable), {@link org.mbp.study.ShardMerge} joins shards, and
 * {@link org.mbp.study.ReportJob} turns a result folder into a report; {@link org.mbp.study.Studies}
 * lists the studies by name.
 */
package org.mbp.study;
