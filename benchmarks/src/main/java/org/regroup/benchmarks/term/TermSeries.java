package org.regroup.benchmarks.term;

import java.time.LocalDate;
import java.util.List;

/**
 * What one policy did over the term for one seed.
 *
 * @param days                    day by day
 * @param masteredPerStudent      standards each student truly mastered over the term (students in id order)
 * @param gapAtStart              standards between the top and bottom quartiles within their grades on day one
 * @param gapAtEnd                the same after the last day
 * @param goalsReachedPerStudent  goals reached (as the school's estimates see them) per student
 * @param ledMinutesWithNeeds     adult-led minutes a day for a student with accommodations, on days present
 * @param studentsWithNeeds       how many students have accommodations
 * @param weeksWithoutAdultShare  share of student-weeks (present at least one day) without one adult-led skill block
 * @param studentsWithWeekWithoutAdult students who had at least one such week
 * @param planSeconds             wall-clock time the policy spent planning the term
 */
record TermSeries(String policy, long seed, List<Day> days, List<Integer> masteredPerStudent, double gapAtStart,
        double gapAtEnd, double goalsReachedPerStudent, double ledMinutesWithNeeds, int studentsWithNeeds,
        double weeksWithoutAdultShare, int studentsWithWeekWithoutAdult, double planSeconds) {

    /** The JSON leaves empty lists out; read back, they are empty again. */
    TermSeries {
        days = days == null ? List.of() : days;
        masteredPerStudent = masteredPerStudent == null ? List.of() : masteredPerStudent;
    }

    /**
     * One school day.
     *
     * @param masteredMean      standards mastered since the start of the term, per student
     * @param bottomMean        the same for the bottom quartile (furthest behind their grade at the start)
     * @param topMean           the same for the top quartile
     * @param gap               standards between the top and bottom quartiles now
     * @param goalsReached      goals reached today
     * @param readyShare        share of skill blocks on a standard the student was truly ready for
     * @param effectiveMinutes  minutes on a truly ready standard per present student, weighted by the modality's and
     *                          group's effect (the learning model's currency)
     * @param standardsWorkedOn distinct standards a student worked on that day, on average
     * @param skillMinutes      minutes on standards per present student, by modality
     */
    record Day(int day, LocalDate date, String score, boolean workable, double placedShare, double goalSkillShare,
            int absent, int forced, int additional, double masteredMean, double bottomMean, double topMean,
            double gap, int goalsReached, double readyShare, double effectiveMinutes,
            double standardsWorkedOn, java.util.Map<String, Double> skillMinutes, double planSeconds) {

        public Day {
            skillMinutes = skillMinutes == null ? java.util.Map.of() : skillMinutes;
        }
    }

    double meanMastered() {
        return masteredPerStudent.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    double medianMastered() {
        return Quartiles.median(masteredPerStudent);
    }

    /** The 25th percentile of standards mastered: what the students who gained least gained. */
    double lowerQuartileMastered() {
        List<Integer> sorted = masteredPerStudent.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 4);
    }

    double bottomQuartileMean() {
        return days.isEmpty() ? 0 : days.get(days.size() - 1).bottomMean();
    }

    double perturbationsPerDay() {
        return days.stream().skip(1).mapToInt(d -> d.forced() + d.additional()).average().orElse(0);
    }

    double additionalPerDay() {
        return days.stream().skip(1).mapToInt(Day::additional).average().orElse(0);
    }

    double workableShare() {
        return days.stream().filter(Day::workable).count() / (double) Math.max(1, days.size());
    }

    double goalSkillShare() {
        return days.stream().mapToDouble(Day::goalSkillShare).average().orElse(0);
    }

    double placedShare() {
        return days.stream().mapToDouble(Day::placedShare).average().orElse(0);
    }

    double effectiveMinutes() {
        return days.stream().mapToDouble(Day::effectiveMinutes).average().orElse(0);
    }

    double standardsWorkedOn() {
        return days.stream().mapToDouble(Day::standardsWorkedOn).average().orElse(0);
    }

    double readyShare() {
        return days.stream().mapToDouble(Day::readyShare).average().orElse(0);
    }
}
