package org.aidbridge.routes.cli;

/** The output line for an input line that could not be read. */
public record JsonError(String error) {}
