package org.regroup.solver.model;

import java.util.EnumSet;
import java.util.Set;

import org.regroup.domain.FocusKind;
import org.regroup.domain.Leadership;
import org.regroup.domain.SkillState;
import org.regroup.domain.catalog.ModalityCatalog;

/** A modality as the solver sees it: sizes, leadership, space needs, what it suits. */
public final class Mode {

    private final String id;
    private final String name;
    private final int minSize;
    private final int maxSize;
    private final Leadership leadership;
    private final int studentsPerAdult;
    private final Set<String> requiredFeatures;
    private final Set<SkillState> suits;
    private final Set<FocusKind> focusKinds;
    private final boolean sharedFocus;
    private final boolean offSite;
    /** Position in the day's list of modalities (set when the day is assembled): for per-modality tables. */
    private int index = -1;

    public Mode(String id, String name, int minSize, int maxSize, Leadership leadership, int studentsPerAdult,
            Set<String> requiredFeatures, Set<SkillState> suits, Set<FocusKind> focusKinds, boolean sharedFocus,
            boolean offSite) {
        this.id = id;
        this.name = name;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.leadership = leadership;
        this.studentsPerAdult = studentsPerAdult;
        this.requiredFeatures = Set.copyOf(requiredFeatures);
        this.suits = suits.isEmpty() ? EnumSet.noneOf(SkillState.class) : EnumSet.copyOf(suits);
        this.focusKinds = focusKinds.isEmpty() ? EnumSet.noneOf(FocusKind.class) : EnumSet.copyOf(focusKinds);
        this.sharedFocus = sharedFocus;
        this.offSite = offSite;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getMinSize() {
        return minSize;
    }

    public int getMaxSize() {
        return maxSize;
    }

    public Leadership getLeadership() {
        return leadership;
    }

    public boolean isStaffLed() {
        return leadership.isStaffLed();
    }

    /** Content-qualified adults must lead it: teacher-led or qualified-adult modalities. */
    public boolean needsQualifiedAdult() {
        return leadership != Leadership.SUPERVISION;
    }

    public int getStudentsPerAdult() {
        return studentsPerAdult;
    }

    public Set<String> getRequiredFeatures() {
        return requiredFeatures;
    }

    public boolean suits(SkillState state) {
        return suits.contains(state);
    }

    public int getIndex() {
        return index;
    }

    void setIndex(int index) {
        this.index = index;
    }

    public boolean serves(FocusKind kind) {
        return focusKinds.contains(kind);
    }

    public boolean isSharedFocus() {
        return sharedFocus;
    }

    public boolean isOffSite() {
        return offSite;
    }

    public boolean isOnline() {
        return ModalityCatalog.ONLINE_PRACTICE.equals(id);
    }

    public boolean isOneToOne() {
        return ModalityCatalog.ONE_TO_ONE.equals(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
