package org.regroup.rest.plans;

/**
 * Who asked for a plan or a what-if that has no school of its own: the account, and the school it belongs to (null for
 * a district admin, or when the server runs without sign-in). Its school's admins and principal may read it too.
 */
public record Owner(String accountId, String schoolId) {

    /** Nobody signed in (a server without sign-in, the command line). */
    public static final Owner NOBODY = new Owner(null, null);
}
