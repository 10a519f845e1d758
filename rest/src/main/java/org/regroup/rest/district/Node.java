package org.regroup.rest.district;

/**
 * This process as a node of a cluster on one database.
 *
 * @param name           its name: the jobs it runs and the versions it solves are marked with it, and after a
 *                       restart it marks only its own solves interrupted; unique in the cluster, the same across
 *                       restarts (default: the host's name — give each process its own with {@code serve --node}
 *                       when several run on one machine)
 * @param maxWaitingJobs jobs the cluster may have waiting; a morning that would add more is refused (429)
 */
public record Node(String name, int maxWaitingJobs) {

    public static final int DEFAULT_MAX_WAITING_JOBS = 500;

    public Node {
        if (name == null || !name.matches("[A-Za-z0-9._:-]{1,128}")) {
            throw new IllegalArgumentException("a node's name is 1 to 128 letters, digits, '.', '_', ':' or '-', was '"
                    + name + "'");
        }
        if (maxWaitingJobs < 1) {
            throw new IllegalArgumentException("at least one job must be able to wait, was " + maxWaitingJobs);
        }
    }

    /** This host's name. */
    public static Node local() {
        return new Node(hostName(), DEFAULT_MAX_WAITING_JOBS);
    }

    static String hostName() {
        try {
            String host = java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._:-]", "-");
            return host.isEmpty() ? "regroup" : host.substring(0, Math.min(host.length(), 128));
        } catch (java.net.UnknownHostException e) {
            return "regroup";
        }
    }
}
