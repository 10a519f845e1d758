package org.regroup.benchmarks.suite;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.regroup.benchmarks.cpsat.CpSatPeer;
import org.regroup.benchmarks.peers.GreedyRegroupingPeer;
import org.regroup.benchmarks.peers.Peer;
import org.regroup.benchmarks.peers.StaticTrackingPeer;
import org.regroup.benchmarks.peers.WitnessPeer;

/** The peers Regroup is measured against, each made fresh per run. */
public final class PeerRegistry {

    private static final List<Supplier<Peer>> PEERS = List.of(CpSatPeer::new, GreedyRegroupingPeer::new,
            StaticTrackingPeer::new, WitnessPeer::new);

    private PeerRegistry() {
    }

    public static List<String> names() {
        return PEERS.stream().map(s -> s.get().name()).toList();
    }

    public static Optional<Peer> create(String name) {
        return PEERS.stream().map(Supplier::get).filter(p -> p.name().equals(name)).findFirst();
    }
}
