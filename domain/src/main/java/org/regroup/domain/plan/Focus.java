package org.regroup.domain.plan;

import org.regroup.domain.FocusKind;

/** What a session or a student works on: a skill, advisory, or an activity. */
public record Focus(FocusKind kind, String id, String name) {
}
