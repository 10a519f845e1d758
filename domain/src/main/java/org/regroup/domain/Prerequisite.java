package org.regroup.domain;

/** An edge of the skill graph: {@code prerequisite} must be mastered before {@code skill} is ready. */
public record Prerequisite(String prerequisite, String skill) {
}
