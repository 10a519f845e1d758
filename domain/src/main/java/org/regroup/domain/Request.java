package org.regroup.domain;

/**
 * Someone asked for something about a student's day. Any of block, staff, focus and modality may be given; the
 * request is honoured when the student's session in that block (any block when absent) matches all that are given.
 *
 * @param focus       a skill or activity id ("advisory" for advisory)
 * @param requestedBy who asked: a staff id, "student", "family", "admin" …
 */
public record Request(String id, String studentId, String blockId, String staffId, String focus, String modality,
        RequestPriority priority, String requestedBy, String note) {

    public RequestPriority priorityOrDefault() {
        return priority == null ? RequestPriority.DEFAULT : priority;
    }
}
