package org.regroup.rest.auth;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.regroup.rest.errors.ApiException;
import org.regroup.store.Accounts;
import org.regroup.store.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Making and disabling accounts, the same for the HTTP API and {@code ./regroup users}: what makes an account valid
 * is said here once. Refusals are {@link ApiException}s (422, 409, 404) with the sentence to show.
 */
public final class AccountAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(AccountAdmin.class);

    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{2,254}");
    public static final String USERNAME_RULE = "a username is 2 to 254 letters, digits and . _ @ + -";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Accounts accounts;
    private final Clock clock;

    public AccountAdmin(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Makes an account. {@code school}: null only for a district admin; {@code personId}: a teacher's staff id or a
     * student's id (required for a student); {@code children}: a guardian's students (at least one). A null password
     * makes an account that signs in only with the school's identity provider.
     */
    public Accounts.Account create(String username, String password, Role role, String school, String personId,
            Set<String> children) {
        checkCredentials(username, password);
        if ((role == Role.DISTRICT_ADMIN) != (school == null)) {
            throw invalid(role == Role.DISTRICT_ADMIN ? "a district admin belongs to no school"
                    : "a " + role + " belongs to a school");
        }
        if (school != null && !ID.matcher(school).matches()) {
            throw invalid("a school id is 1 to 64 letters, digits and . _ -");
        }
        if (role == Role.STUDENT && personId == null) {
            throw invalid("a student account names the student (personId)");
        }
        if (role == Role.GUARDIAN && (children == null || children.isEmpty())) {
            throw invalid("a guardian account names their children (children: student ids)");
        }
        if (personId != null && !ID.matcher(personId).matches()) {
            throw invalid("personId is 1 to 64 letters, digits and . _ -");
        }
        Set<String> kids = role == Role.GUARDIAN ? Set.copyOf(children) : Set.of();
        if (kids.stream().anyMatch(k -> k == null || !ID.matcher(k).matches()) || kids.size() > 20) {
            throw invalid("children are 1 to 20 student ids of 1 to 64 letters, digits and . _ -");
        }
        Accounts.Account account = new Accounts.Account(Secrets.id("a_"), username,
                password == null ? null : Passwords.hash(password.toCharArray()), role, school,
                role == Role.TEACHER || role == Role.STUDENT || role == Role.PRINCIPAL || role == Role.SCHOOL_ADMIN
                        ? personId : null, new java.util.TreeSet<>(kids), false, clock.instant());
        if (!accounts.create(account, false)) {
            throw ApiException.conflict("the username is taken");
        }
        LOG.info("account {} made ({}, school {})", account.id(), role, school);
        return account;
    }

    /**
     * What a username and password must be, for every way an account is made or given a password (the HTTP API,
     * the first setup, {@code ./regroup users}); a null password is not checked (none is set).
     */
    public static void checkCredentials(String username, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw invalid(USERNAME_RULE);
        }
        String weak = password == null ? null : Passwords.weakness(username, password);
        if (weak != null) {
            throw invalid(weak);
        }
    }

    /** Sets an account's password (checked as a new account's); its browser sessions end. */
    public void setPassword(Accounts.Account account, String password) {
        checkCredentials(account.username(), password);
        accounts.setPassword(account.id(), Passwords.hash(password.toCharArray()));
        LOG.info("account {}: password set", account.id());
    }

    public List<Accounts.Account> list(String school) {
        return accounts.list(school);
    }

    /** Disables an account of {@code school} (any school when null). */
    public Accounts.Account disable(String school, String accountId) {
        Accounts.Account a = accounts.byId(accountId).filter(x -> school == null || school.equals(x.schoolId()))
                .orElseThrow(() -> ApiException.notFound("no account '" + accountId + "' in school " + school));
        accounts.setDisabled(a.id(), true);
        LOG.info("account {} disabled", a.id());
        return accounts.byId(a.id()).orElseThrow();
    }

    private static ApiException invalid(String detail) {
        return ApiException.unprocessable(detail);
    }
}
