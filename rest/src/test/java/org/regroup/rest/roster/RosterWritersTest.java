package org.regroup.rest.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.regroup.domain.FocusKind;
import org.regroup.domain.StaffRole;
import org.regroup.domain.plan.Focus;
import org.regroup.rest.roster.Roster.BlockRoster;
import org.regroup.rest.roster.Roster.Group;
import org.regroup.rest.roster.Roster.Member;
import org.regroup.rest.roster.Roster.Place;
import org.regroup.rest.roster.Roster.Status;

/** The roster writers with names that try to break each format: quotes, commas, markup, formulas, long lines. */
class RosterWritersTest {

    private static final Focus FRACTIONS = new Focus(FocusKind.SKILL, "3.NF.1", "Unit fractions, \"a/b\"; parts");

    private static Roster roster(LocalDate date, String studentName) {
        Member student = new Member("S1", studentName, FRACTIONS, List.of("quiet space", "45 min 1:1"));
        BlockRoster group = new BlockRoster("B1", LocalTime.of(9, 0), LocalTime.of(9, 45), Status.GROUP,
                new Group("T1@B1", "small-group", "Small-group instruction", FRACTIONS, false),
                new Place("R1", "Room 1, east", false), List.of(student), null);
        BlockRoster free = new BlockRoster("B2", LocalTime.of(10, 0), LocalTime.of(10, 45), Status.FREE, null, null,
                List.of(), null);
        return new Roster("plan-1", "day-1", date, "Test School", new Roster.StaffMember("T1", "Ana <b>", StaffRole.TEACHER),
                List.of(group, free), null, List.of());
    }

    @Test
    void csvQuotesCommasAndQuotesAndDefusesFormulas() {
        String csv = RosterCsvWriter.render(roster(LocalDate.of(2026, 11, 23), "=HYPERLINK(\"x\")"));

        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3); // header, one student row, one free block row
        assertThat(lines[1]).contains("\"Unit fractions, \"\"a/b\"\"; parts\"").contains("\"Room 1, east\"")
                .contains("\"'=HYPERLINK(\"\"x\"\")\"").contains("quiet space; 45 min 1:1");
        assertThat(lines[2]).contains(",B2,10:00,10:45,free,");
        assertThat(RosterCsvWriter.field("plain")).isEqualTo("plain");
        assertThat(RosterCsvWriter.field("-1")).isEqualTo("'-1");
        assertThat(RosterCsvWriter.field(" padded")).isEqualTo("\" padded\"");
    }

    @Test
    void htmlEscapesEveryValue() {
        String html = RosterHtmlWriter.render(List.of(roster(LocalDate.of(2026, 11, 23), "<script>alert(1)</script>")));

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").contains("Ana &lt;b&gt;")
                .contains("Room 1, east").contains("45 min 1:1");
    }

    @Test
    void calendarEscapesTextFoldsLongLinesAndHasOneEventPerGroup() {
        String ics = RosterCalendarWriter.render(roster(LocalDate.of(2026, 11, 23), "Zoë Ñandú ".repeat(12)),
                Instant.parse("2026-11-22T06:00:00Z"));

        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(2);
        assertThat(ics).contains("DTSTART:20261123T090000\r\n").contains("DTEND:20261123T094500\r\n")
                .contains("DTSTAMP:20261122T060000Z").contains("LOCATION:Room 1\\, east")
                .contains("UID:plan-1/T1/B1@regroup");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("Zoë Ñandú Zoë").contains("Unit fractions\\, \"a/b\"\\; parts");
    }

    @Test
    void aCalendarNeedsADate() {
        assertThatThrownBy(() -> RosterCalendarWriter.render(roster(null, "Ana"), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date");
    }
}
