package org.regroup.domain.learning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.regroup.domain.FocusKind;
import org.regroup.domain.Leadership;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Focus;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;

/**
 * A day's plan as the learning model sees it: one {@link LearningModel.Block} per student seated on a standard. The
 * block is adult-led when its modality is led (a teacher or a qualified adult teaches), not merely supervised: an aide
 * watching a lab of 30 is not a lesson, and the model's large-group dampening is about lessons.
 */
public final class LearningBlocks {

    private LearningBlocks() {
    }

    public static List<LearningModel.Block> of(Plan plan, ModalityCatalog modalities) {
        List<LearningModel.Block> blocks = new ArrayList<>();
        for (BlockPlan block : plan.blocks()) {
            int minutes = (int) Duration.between(block.start(), block.end()).toMinutes();
            for (SessionPlan session : block.sessions()) {
                ModalitySpec spec = modalities.get(session.modality());
                boolean led = session.staffId() != null && adultLed(spec);
                for (SessionPlan.Seat seat : session.students()) {
                    // in online or independent practice each student works on their own standard: the seat says
                    Focus focus = seat.focus() != null ? seat.focus() : session.focus();
                    if (focus != null && focus.kind() == FocusKind.SKILL) {
                        blocks.add(new LearningModel.Block(seat.studentId(), block.blockId(), focus.id(),
                                session.modality(), minutes, session.students().size(), led,
                                spec == null || spec.suits() == null ? null : Set.copyOf(spec.suits())));
                    }
                }
            }
        }
        return blocks;
    }

    /** A modality an adult teaches (not only supervises). */
    public static boolean adultLed(ModalitySpec modality) {
        return modality != null && modality.leadership() != Leadership.SUPERVISION;
    }
}
