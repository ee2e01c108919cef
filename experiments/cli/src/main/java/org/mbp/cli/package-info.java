/**
 * The {@code mbp} command line (picocli): {@link org.mbp.cli.Mbp} and one thin command per task
 * (grad, gradcheck, study, report, merge, train, segeval, device-check) that turns options into
 * typed requests and calls the libraries. Shared option mixins check their values once; every
 * error reaches {@link org.mbp.cli.Mbp#configure}, which maps bad input to exit status 2 with a
 * one-line message and internal errors to 1.
 */
package org.mbp.cli;
