package org.regroup.benchmarks.term;

import java.util.function.ToDoubleFunction;

/** The figures a term reports per policy, each over seeds with its confidence interval; the order of the report. */
enum Figure {
    MASTERED_MEAN("standards mastered per student, mean", "%.2f", TermSeries::meanMastered),
    MASTERED_MEDIAN("standards mastered per student, median", "%.1f", TermSeries::medianMastered),
    MASTERED_P25("standards mastered, 25th percentile of students", "%.1f", TermSeries::lowerQuartileMastered),
    BOTTOM_QUARTILE("standards mastered by the bottom quartile (furthest behind their grade at the start), mean",
            "%.2f", TermSeries::bottomQuartileMean),
    GAP_END("gap between top and bottom quartiles at the end (standards)", "%.2f", TermSeries::gapAtEnd),
    GAP_CHANGE("change in that gap over the term (standards; negative: narrowed)", "%+.2f",
            s -> s.gapAtEnd() - s.gapAtStart()),
    GOALS("goals reached per student", "%.2f", TermSeries::goalsReachedPerStudent),
    LED_MINUTES_NEEDS("adult-led minutes a day for students with accommodations", "%.0f",
            TermSeries::ledMinutesWithNeeds),
    WEEKS_WITHOUT_ADULT("student-weeks without an adult-led skill block (%)", "%.1f",
            s -> 100 * s.weeksWithoutAdultShare()),
    STUDENTS_WEEK_WITHOUT_ADULT("students with at least one such week", "%.0f",
            s -> s.studentsWithWeekWithoutAdult()),
    PERTURBATIONS("student-blocks changed from the day before, per day", "%.0f", TermSeries::perturbationsPerDay),
    ADDITIONAL("of which not forced by absence or readiness", "%.0f", TermSeries::additionalPerDay),
    WORKABLE("days with a workable plan (no hard or medium rule broken, %)", "%.0f", s -> 100 * s.workableShare()),
    GOAL_SKILLS("student-blocks on a goal skill (%)", "%.1f", s -> 100 * s.goalSkillShare()),
    PLACED("student-blocks placed (%)", "%.1f", s -> 100 * s.placedShare()),
    READY("skill blocks on a standard the student was truly ready for (%)", "%.1f", s -> 100 * s.readyShare()),
    EFFECTIVE_MINUTES("effective minutes a day on truly ready standards, per present student", "%.0f",
            TermSeries::effectiveMinutes),
    STANDARDS_A_DAY("standards a student works on in a day", "%.2f", TermSeries::standardsWorkedOn),
    PLAN_SECONDS("planning seconds per day", "%.1f", s -> s.planSeconds() / Math.max(1, s.days().size()));

    /** A percentage's interval is cut at 0 and 100 (Student's t knows no bounds). */
    boolean isShare() {
        return label.endsWith("(%)") || label.contains(", %)");
    }

    final String label;
    final String format;
    final ToDoubleFunction<TermSeries> value;

    Figure(String label, String format, ToDoubleFunction<TermSeries> value) {
        this.label = label;
        this.format = format;
        this.value = value;
    }
}
