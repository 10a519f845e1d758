package org.regroup.domain.plan;

import java.util.Map;

/**
 * How good a plan is for the people in it. One definition, used by single plans, benchmarks and what-ifs alike.
 *
 * @param presentStudentBlocks          student-blocks to place (present, not travelling, not on a commitment)
 * @param placedShare                   share of those placed in a session (catch-all included)
 * @param catchAllStudentBlocks         student-blocks spent in a catch-all
 * @param goalSkillShare                of placed skill-block work, share on a skill matching one of the student's goals
 *                                      (students without goals excluded)
 * @param studentsWithStaffLedNeed      students with a staff-led minimum
 * @param staffLedRequired              blocks of staff-led time those students need in total
 * @param staffLedDelivered             blocks of staff-led time they get (capped at each one's need)
 * @param studentsWithUnmetAccommodation students with at least one accommodation not met
 * @param meanDistinctModalities        mean number of distinct modalities in a present student's day
 * @param staffUtilization              blocks adults lead or supervise a group / blocks adults are available
 * @param groupSizes                    by modality: sessions, mean and max size
 * @param openSessions                  sessions with students
 */
public record Kpis(int presentStudentBlocks, double placedShare, int catchAllStudentBlocks, double goalSkillShare,
        int studentsWithStaffLedNeed, int staffLedRequired, int staffLedDelivered, int studentsWithUnmetAccommodation,
        double meanDistinctModalities, double staffUtilization, Map<String, GroupSizes> groupSizes, int openSessions,
        String score) {

    public record GroupSizes(int sessions, double mean, int max) {
    }
}
