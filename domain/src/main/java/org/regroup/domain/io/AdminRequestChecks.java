package org.regroup.domain.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.regroup.domain.Accommodations;
import org.regroup.domain.Activity;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Request;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;

/**
 * Admin-required requests that no plan can honour together with what the day says about the student: a trip for a
 * student who must stay on site, online practice past their screen limit, an activity held only in rooms that are not
 * quiet for one who needs quiet, pins that take away the staff-led or 1:1 time they need, two students who must be
 * kept apart pinned to one adult's group, two requirements for one student-block that cannot both hold. Each is
 * certain from the day alone (an admin-required request is a hard rule), so it is bad input, reported at the request
 * with the other path named in the message. Requests for a student who is not in school then are set aside, as the
 * solver sets them aside, and are not checked.
 */
final class AdminRequestChecks {

    /** An admin-required request the solver will hold the plan to. */
    private record Required(int index, Request request, Student student, int studentIndex) {
        String path() {
            return "$.requests[" + index + "]";
        }

        String name() {
            return request.id() != null ? request.id() : "request-" + (index + 1);
        }

        String studentPath() {
            return "$.students[" + studentIndex + "]";
        }
    }

    private final ModalityCatalog catalog;
    private final Function<Staff, List<ModalitySpec>> leadable;
    /** Adults who supervise a catch-all: a request naming only them may be honoured there, on site. */
    private final Set<String> catchAllSupervisors;
    private final Map<String, Staff> staff = new HashMap<>();
    private final Map<String, Space> spaces = new HashMap<>();
    private final Map<String, Activity> activities = new HashMap<>();
    private final List<TimeBlock> blocks;
    private final List<Required> required = new ArrayList<>();
    private final List<InputError> errors = new ArrayList<>();

    private AdminRequestChecks(DayProblem p, ModalityCatalog catalog,
            Function<Staff, List<ModalitySpec>> leadable, Set<String> catchAllSupervisors) {
        this.catalog = catalog;
        this.leadable = leadable;
        this.catchAllSupervisors = catchAllSupervisors;
        this.blocks = p.blocks().stream().filter(b -> b != null && b.id() != null).toList();
        p.staff().stream().filter(s -> s != null && s.id() != null).forEach(s -> staff.putIfAbsent(s.id(), s));
        p.spaces().stream().filter(s -> s != null && s.id() != null).forEach(s -> spaces.putIfAbsent(s.id(), s));
        p.activities().stream().filter(a -> a != null && a.id() != null)
                .forEach(a -> activities.putIfAbsent(a.id(), a));
        Map<String, Integer> studentIndex = new HashMap<>();
        for (int i = 0; i < p.students().size(); i++) {
            Student s = p.students().get(i);
            if (s != null && s.id() != null) {
                studentIndex.putIfAbsent(s.id(), i);
            }
        }
        for (int i = 0; i < p.requests().size(); i++) {
            Request r = p.requests().get(i);
            Integer si = r == null ? null : studentIndex.get(r.studentId());
            if (si == null || r.priorityOrDefault() != RequestPriority.ADMIN_REQUIRED) {
                continue;
            }
            Student s = p.students().get(si);
            boolean applies = r.blockId() != null ? s.availableIn(r.blockId())
                    : blocks.stream().anyMatch(b -> s.availableIn(b.id()));
            if (applies) {
                required.add(new Required(i, r, s, si));
            }
        }
    }

    /** Run after the references are checked: unknown ids here are skipped (they are reported elsewhere). */
    static List<InputError> check(DayProblem p, ModalityCatalog catalog,
            Function<Staff, List<ModalitySpec>> leadable, Set<String> catchAllSupervisors) {
        AdminRequestChecks c = new AdminRequestChecks(p, catalog, leadable, catchAllSupervisors);
        c.required.forEach(c::onSite);
        c.required.forEach(c::quiet);
        c.onlineLimits();
        c.minimums();
        c.keptApart();
        c.conflicting();
        return c.errors;
    }

    // ---- one request against the student's places ----

    private void onSite(Required q) {
        Accommodations a = q.student().accommodations();
        String why = a != null && a.noOffSite() ? offSite(q.request()) : null;
        if (why != null) {
            error(q, "admin-required request " + q.name() + " sends student '" + q.student().id() + "' off site ("
                    + why + "), but " + q.studentPath() + ".accommodations.noOffSite says they must stay on site");
        }
    }

    /** Why honouring the request takes the student off site, or null when it need not. */
    private String offSite(Request r) {
        ModalitySpec m = r.modality() == null ? null : catalog.get(r.modality());
        if (m != null && Boolean.TRUE.equals(m.offSite())) {
            return "modality '" + m.id() + "' happens off site";
        }
        List<Space> places = placesOf(r.focus());
        if (!places.isEmpty() && places.stream().allMatch(Space::offSite)) {
            return "activity '" + r.focus() + "' happens only at " + ids(places);
        }
        Staff adult = r.staffId() == null ? null : staff.get(r.staffId());
        if (adult != null && !catchAllSupervisors.contains(adult.id())) {
            List<ModalitySpec> theirs = leadable.apply(adult);
            if (!theirs.isEmpty() && theirs.stream().allMatch(x -> Boolean.TRUE.equals(x.offSite()))) {
                return "'" + adult.id() + "' may lead only off-site modalities";
            }
        }
        return null;
    }

    private void quiet(Required q) {
        Accommodations a = q.student().accommodations();
        List<Space> places = a != null && a.quietSpace() ? placesOf(q.request().focus()) : List.of();
        if (!places.isEmpty() && places.stream().noneMatch(s -> s.features().contains("quiet"))) {
            error(q, "admin-required request " + q.name() + " puts student '" + q.student().id() + "' in activity '"
                    + q.request().focus() + "', held only at " + ids(places) + ", none of them quiet, but "
                    + q.studentPath() + ".accommodations.quietSpace says they need a quiet space");
        }
    }

    // ---- a student's requests together against their limits and minimums ----

    /** Each admin-required online-practice block counts against the student's screen limit. */
    private void onlineLimits() {
        for (Map.Entry<Student, List<Required>> e : byStudent().entrySet()) {
            Accommodations a = e.getKey().accommodations();
            if (a == null || a.maxOnlineBlocks() == null || a.maxOnlineBlocks() < 0) {
                continue;
            }
            Set<String> onlineBlocks = new LinkedHashSet<>();
            Required anyBlock = null;
            for (Required q : e.getValue()) {
                if (!ModalityCatalog.ONLINE_PRACTICE.equals(q.request().modality())) {
                    continue;
                }
                if (q.request().blockId() == null) {
                    anyBlock = anyBlock == null ? q : anyBlock;
                } else if (onlineBlocks.add(q.request().blockId()) && onlineBlocks.size() > a.maxOnlineBlocks()) {
                    error(q, "admin-required request " + q.name() + " asks for online practice for student '"
                            + e.getKey().id() + "' in block '" + q.request().blockId() + "', their "
                            + onlineBlocks.size() + ordinal(onlineBlocks.size()) + " required online block, but "
                            + q.studentPath() + ".accommodations.maxOnlineBlocks allows " + a.maxOnlineBlocks());
                    break;
                }
            }
            if (anyBlock != null && onlineBlocks.isEmpty() && a.maxOnlineBlocks() == 0) {
                error(anyBlock, "admin-required request " + anyBlock.name() + " asks for online practice for "
                        + "student '" + e.getKey().id() + "', but " + anyBlock.studentPath()
                        + ".accommodations.maxOnlineBlocks is 0");
            }
        }
    }

    /**
     * Blocks a requirement keeps from being staff-led (a supervision modality, an adult who may lead none) or 1:1 (any
     * other modality, an adult who may not lead one-to-one) no longer count toward the student's minimums.
     */
    private void minimums() {
        for (Map.Entry<Student, List<Required>> e : byStudent().entrySet()) {
            Student s = e.getKey();
            Accommodations a = s.accommodations();
            if (a == null || a.minStaffLedBlocksOrZero() == 0 && a.oneToOneMinutesOrZero() == 0) {
                continue;
            }
            List<TimeBlock> present = blocks.stream().filter(b -> s.availableIn(b.id()) && b.start() != null
                    && b.end() != null && b.end().isAfter(b.start())).toList();
            int staffLed = present.size();
            int oneToOne = present.stream().mapToInt(TimeBlock::minutes).sum();
            // more than the day holds is reported with the accommodation itself
            boolean staffLedOpen = a.minStaffLedBlocksOrZero() > 0 && a.minStaffLedBlocksOrZero() <= staffLed;
            boolean oneToOneOpen = a.oneToOneMinutesOrZero() > 0 && a.oneToOneMinutesOrZero() <= oneToOne;
            Set<String> notStaffLed = new HashSet<>();
            Set<String> notOneToOne = new HashSet<>();
            for (Required q : e.getValue()) {
                TimeBlock b = present.stream().filter(x -> x.id().equals(q.request().blockId())).findFirst()
                        .orElse(null);
                if (b == null) {
                    continue; // a requirement without a block leaves every block to choose from
                }
                if (staffLedOpen && rulesOutStaffLed(q.request()) && notStaffLed.add(b.id())
                        && a.minStaffLedBlocksOrZero() > --staffLed) {
                    error(q, "admin-required request " + q.name() + " keeps block '" + b.id() + "' from being "
                            + "staff-led for student '" + s.id() + "', which leaves " + staffLed + " that can be, but "
                            + q.studentPath() + ".accommodations.minStaffLedBlocks asks for "
                            + a.minStaffLedBlocksOrZero());
                    staffLedOpen = false;
                }
                if (oneToOneOpen && rulesOutOneToOne(q.request()) && notOneToOne.add(b.id())
                        && a.oneToOneMinutesOrZero() > (oneToOne -= b.minutes())) {
                    error(q, "admin-required request " + q.name() + " keeps block '" + b.id() + "' from being 1:1 "
                            + "for student '" + s.id() + "', which leaves " + oneToOne + " minutes that can be, but "
                            + q.studentPath() + ".accommodations.oneToOneMinutes asks for "
                            + a.oneToOneMinutesOrZero());
                    oneToOneOpen = false;
                }
            }
        }
    }

    private boolean rulesOutStaffLed(Request r) {
        ModalitySpec m = r.modality() == null ? null : catalog.get(r.modality());
        if (m != null && m.leadership() != null && !m.leadership().isStaffLed()) {
            return true;
        }
        Staff adult = r.staffId() == null ? null : staff.get(r.staffId());
        return adult != null && leadable.apply(adult).stream().noneMatch(x -> x.leadership().isStaffLed());
    }

    private boolean rulesOutOneToOne(Request r) {
        if (r.modality() != null && catalog.contains(r.modality())) {
            return !ModalityCatalog.ONE_TO_ONE.equals(r.modality());
        }
        Staff adult = r.staffId() == null ? null : staff.get(r.staffId());
        return adult != null && leadable.apply(adult).stream()
                .noneMatch(x -> ModalityCatalog.ONE_TO_ONE.equals(x.id()));
    }

    // ---- requests of two students, or two requests of one ----

    /** One adult leads one group a block: two students pinned to it there are together. */
    private void keptApart() {
        for (int i = 0; i < required.size(); i++) {
            Required first = required.get(i);
            for (Required second : required.subList(i + 1, required.size())) {
                if (samePin(first.request(), second.request()) && keepApart(first.student(), second.student())) {
                    Required lists = first.student().keepApart().contains(second.student().id()) ? first : second;
                    error(second, "admin-required requests " + first.name() + " (" + first.path() + ") and "
                            + second.name() + " put students '" + first.student().id() + "' and '"
                            + second.student().id() + "' in " + first.request().staffId() + "'s group in block '"
                            + first.request().blockId() + "', but " + lists.studentPath() + ".keepApart keeps them "
                            + "apart");
                }
            }
        }
    }

    private static boolean samePin(Request a, Request b) {
        return a.blockId() != null && a.staffId() != null && a.blockId().equals(b.blockId())
                && a.staffId().equals(b.staffId());
    }

    private static boolean keepApart(Student a, Student b) {
        return a.keepApart().contains(b.id()) || b.keepApart().contains(a.id());
    }

    /** A student is in one session a block: two requirements there must agree on adult, modality and focus. */
    private void conflicting() {
        for (int i = 0; i < required.size(); i++) {
            Required first = required.get(i);
            for (Required second : required.subList(i + 1, required.size())) {
                if (first.student() != second.student() || first.request().blockId() == null
                        || !first.request().blockId().equals(second.request().blockId())) {
                    continue;
                }
                String what = differs("adults", first.request().staffId(), second.request().staffId());
                what = what != null ? what : differs("modalities", first.request().modality(),
                        second.request().modality());
                what = what != null ? what : differs("foci", first.request().focus(), second.request().focus());
                if (what != null) {
                    error(second, "admin-required requests " + first.name() + " (" + first.path() + ") and "
                            + second.name() + " ask for different " + what + " for student '" + first.student().id()
                            + "' in block '" + first.request().blockId() + "'; a student is in one session a block");
                }
            }
        }
    }

    private static String differs(String what, String a, String b) {
        return a != null && b != null && !a.equals(b) ? what + " (" + a + ", " + b + ")" : null;
    }

    // ---- helpers ----

    /** The places an activity is tied to (empty: any suitable space, or not an activity). */
    private List<Space> placesOf(String focus) {
        Activity activity = focus == null ? null : activities.get(focus);
        if (activity == null) {
            return List.of();
        }
        return activity.spaces().stream().map(spaces::get).filter(Objects::nonNull).toList();
    }

    private Map<Student, List<Required>> byStudent() {
        Map<Student, List<Required>> by = new LinkedHashMap<>();
        required.forEach(q -> by.computeIfAbsent(q.student(), k -> new ArrayList<>()).add(q));
        return by;
    }

    private static String ids(List<Space> places) {
        return String.join(", ", places.stream().map(Space::id).toList());
    }

    private static String ordinal(int n) {
        return n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private void error(Required q, String message) {
        errors.add(new InputError(q.path(), message));
    }
}
