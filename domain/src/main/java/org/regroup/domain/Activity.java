package org.regroup.domain;

import java.util.List;

/**
 * A non-skill session focus offered in activity blocks: a project tagged by interest, or enrichment.
 *
 * @param modalities modalities it can run in (e.g. collaborative-project, off-site)
 * @param blocks     blocks it is offered in (every activity block when empty)
 * @param spaces     where it can happen (e.g. the museum for a museum trip); any suitable space when empty
 */
public record Activity(String id, String name, ActivityKind kind, List<String> tags, List<String> modalities,
        List<String> blocks, List<String> spaces) {

    public Activity {
        tags = Lists.orEmpty(tags);
        modalities = Lists.orEmpty(modalities);
        blocks = Lists.orEmpty(blocks);
        spaces = Lists.orEmpty(spaces);
    }

    public boolean offeredIn(String blockId) {
        return blocks.isEmpty() || blocks.contains(blockId);
    }
}
