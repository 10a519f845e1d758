package org.regroup.domain.demo.shapes;

import org.regroup.domain.StaffRole;

/**
 * The adults of one role: how many, their teaching-block limit and student cap (none when null), and the share who
 * work only {@code partTimeBlocks} blocks (a little over half the day when null): certified staff in the morning,
 * aides and tutors in the afternoon.
 */
public record RoleStaff(StaffRole role, int count, Integer maxTeachingBlocks, Integer maxStudents,
        double partTimeShare, Integer partTimeBlocks) {

    public RoleStaff {
        if (count < 0) {
            throw new IllegalArgumentException(role + ": " + count + " adults");
        }
        if (maxTeachingBlocks != null && maxTeachingBlocks < 0 || maxStudents != null && maxStudents < 1) {
            throw new IllegalArgumentException(role + ": limit " + maxTeachingBlocks + " blocks, " + maxStudents
                    + " students");
        }
        if (partTimeShare < 0 || partTimeShare > 1) {
            throw new IllegalArgumentException("a part-time share is within [0, 1], not " + partTimeShare);
        }
        if (partTimeBlocks != null && partTimeBlocks < 1) {
            throw new IllegalArgumentException("part-timers work at least one block, not " + partTimeBlocks);
        }
    }

    public static RoleStaff of(StaffRole role, int count, Integer maxTeachingBlocks, Integer maxStudents) {
        return new RoleStaff(role, count, maxTeachingBlocks, maxStudents, 0, null);
    }

    public RoleStaff withCount(int newCount) {
        return new RoleStaff(role, newCount, maxTeachingBlocks, maxStudents, partTimeShare, partTimeBlocks);
    }

    public RoleStaff partTime(double share, Integer blocks) {
        return new RoleStaff(role, count, maxTeachingBlocks, maxStudents, share, blocks);
    }
}
