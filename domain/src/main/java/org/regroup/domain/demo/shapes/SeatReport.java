package org.regroup.domain.demo.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.shapes.SeatArithmetic.BlockSeats;
import org.regroup.domain.demo.shapes.SeatArithmetic.DaySeats;

/**
 * The seat arithmetic in words: a one-line verdict for the command line, and a Markdown table for
 * {@code datasets/shapes/README.md} ({@code java -cp domain.jar org.regroup.domain.demo.shapes.SeatReport NAME…}).
 */
public final class SeatReport {

    private SeatReport() {
    }

    /** E.g. "seats for everyone in every block (tightest B3: 144 present, 162 seats); accommodations fit". */
    public static String verdict(DaySeats d) {
        BlockSeats t = d.tightest();
        List<String> parts = new ArrayList<>();
        if (d.blocks().stream().allMatch(BlockSeats::everyoneSeated)) {
            parts.add(String.format(Locale.ROOT, "seats for everyone in every block (tightest %s: %d present, %d "
                    + "seats)", t.blockId(), t.present(), t.seats()));
        } else {
            List<String> short_ = d.blocks().stream().filter(b -> !b.everyoneSeated())
                    .map(b -> b.blockId() + " " + b.present() + " present, " + b.seats() + " seats").toList();
            parts.add("not everyone can be placed: " + String.join("; ", short_));
        }
        if (d.adultBlocksNeeded() > d.teachingBlocks()) {
            parts.add("seating everyone takes at least " + d.adultBlocksNeeded() + " adult-blocks, the teaching "
                    + "limits allow " + d.teachingBlocks());
        }
        if (!d.quietFits()) {
            parts.add("more quiet needs than quiet seats in some block");
        }
        if (d.staffLedNeed() > d.staffLedCapacity()) {
            parts.add("staff-led need " + d.staffLedNeed() + " above the " + d.staffLedCapacity() + " staff-led seats");
        }
        if (d.oneToOneNeed() > d.oneToOneCapacity()) {
            parts.add("1:1 need " + d.oneToOneNeed() + " above the " + d.oneToOneCapacity() + " adult-blocks to spare");
        }
        if (d.everyoneSeated() && d.accommodationsFit()) {
            parts.add("accommodations fit");
        }
        return String.join("; ", parts);
    }

    /** The per-block table and the day's totals, in Markdown. */
    public static String markdown(DayProblem day) {
        DaySeats d = SeatArithmetic.of(day);
        StringBuilder out = new StringBuilder();
        out.append("| block | kind | present | adults in | seats | fewest adults | adult-led seats | staff-led seats "
                + "(everyone seated) | 1:1 sessions | quiet needs / seats |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BlockSeats b : d.blocks()) {
            // a dash where the adults cannot seat everyone: no fewest adults, no staff-led seats "while seated"
            String dash = "—";
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %s | %d | %s | %d | %d / %d |%n",
                    b.blockId(), b.kind().name().toLowerCase(Locale.ROOT), b.present(), b.adults(), b.seats(),
                    b.everyoneSeated() ? String.valueOf(b.minAdults()) : dash, b.adultLedSeats(),
                    b.everyoneSeated() ? String.valueOf(b.staffLedSeats()) : dash, b.oneToOneSessions(),
                    b.quietNeeds(), b.quietSeats()));
        }
        out.append(String.format(Locale.ROOT, "%nAdult-blocks: %d needed to seat everyone, %d allowed. Staff-led "
                + "blocks in skill blocks: %d needed, %d seats. 1:1 sessions: %d needed, %d adult-blocks to spare.%n",
                d.adultBlocksNeeded(), d.teachingBlocks(), d.staffLedNeed(), d.staffLedCapacity(), d.oneToOneNeed(),
                d.oneToOneCapacity()));
        out.append("Verdict: ").append(verdict(d)).append(".\n");
        return out.toString();
    }

    /** Prints the table of each named shape's seed-1 day (all shapes when none is named). */
    public static void main(String[] args) {
        List<String> names = args.length == 0 ? Shapes.names() : List.of(args);
        for (String name : names) {
            DayProblem day = Shapes.generate(name, 1);
            System.out.println("### " + name + " (" + day.students().size() + " students, " + day.staff().size()
                    + " adults, " + day.spaces().size() + " spaces, " + day.blocks().size() + " blocks)\n");
            System.out.println(markdown(day));
        }
    }
}
