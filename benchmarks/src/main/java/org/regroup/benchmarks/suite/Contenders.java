package org.regroup.benchmarks.suite;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.regroup.benchmarks.peers.Peer;
import org.regroup.solver.solve.LocalSearchVariant;

/**
 * Every solver the suite can run, by the name used in results: Regroup's production configuration ({@code regroup}),
 * its local-search alternatives ({@code regroup-late-acceptance}, {@code regroup-great-deluge}), and the peers.
 */
public final class Contenders {

    public static final String REGROUP = "regroup";

    private Contenders() {
    }

    /** Every name, in report order. */
    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        for (LocalSearchVariant v : LocalSearchVariant.values()) {
            names.add(regroupName(v));
        }
        names.addAll(PeerRegistry.names());
        return names;
    }

    public static String regroupName(LocalSearchVariant variant) {
        return variant == LocalSearchVariant.TABU ? REGROUP : REGROUP + "-" + variant.id();
    }

    /** The Regroup configuration of that name, if it is one. */
    public static Optional<LocalSearchVariant> regroupVariant(String name) {
        for (LocalSearchVariant v : LocalSearchVariant.values()) {
            if (regroupName(v).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The peer of that name, if it is one. */
    public static Optional<Peer> peer(String name) {
        return PeerRegistry.create(name);
    }

    public static boolean exists(String name) {
        return regroupVariant(name).isPresent() || peer(name).isPresent();
    }
}
