/**
 * What is wrong with a piece of JSON, in a user's terms ({@link org.mbp.json.JsonProblem}): the
 * one place that turns the JSON parser's errors into one-line messages, for the gradcheck
 * baseline, {@code cells.jsonl} and the checkpoint's header.
 */
package org.mbp.json;
