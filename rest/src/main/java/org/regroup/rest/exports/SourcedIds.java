package org.regroup.rest.exports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * The OneRoster {@code sourcedId}s Regroup gives what it writes out. People keep theirs (a person's Regroup id is
 * their SIS {@code sourcedId}, docs/import.md); a session of a day becomes a class whose id is derived from the school,
 * the date, the block and the session's id in the plan, so that the same published version exported twice — and the
 * attendance CSV — name the same class. Opaque (a digest), short, and made of letters, digits and dashes only.
 */
public final class SourcedIds {

    private SourcedIds() {
    }

    /** The class of one session (one group in one block) of a school's day. */
    public static String klass(String schoolId, LocalDate day, String blockId, String sessionId) {
        return "rg-class-" + digest(schoolId, day.toString(), blockId, sessionId);
    }

    /** A person's enrollment in such a class. */
    public static String enrollment(String classId, String userId) {
        return "rg-enr-" + digest(classId, userId);
    }

    /** The one course every session of the school belongs to. */
    public static String course(String schoolId) {
        return "rg-sessions-" + schoolId;
    }

    /** The academic session (a term of one day) the day's classes are in. */
    public static String day(String schoolId, LocalDate day) {
        return "rg-day-" + schoolId + "-" + day;
    }

    /** 20 hex digits of the SHA-256 of the parts, each ended by a line break (no two lists give the same text). */
    static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
