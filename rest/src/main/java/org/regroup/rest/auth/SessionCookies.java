package org.regroup.rest.auth;

import jakarta.ws.rs.core.NewCookie;

/**
 * The session cookie, made in one place for every way of signing in (password, the school's identity provider) and
 * for signing out: HttpOnly, SameSite=Strict, for the whole site, Secure over HTTPS.
 */
public final class SessionCookies {

    private SessionCookies() {
    }

    /** The cookie of a new session, living as long as the session may. */
    public static NewCookie of(Authenticator.NewSession session, Security security) {
        return cookie(session.cookieValue(), (int) Authenticator.SESSION_MAX.toSeconds(), security);
    }

    /** Tells the browser to forget its session cookie. */
    public static NewCookie cleared(Security security) {
        return cookie("", 0, security);
    }

    private static NewCookie cookie(String value, int maxAge, Security security) {
        return new NewCookie.Builder(AccessFilter.SESSION_COOKIE).value(value).path("/").maxAge(maxAge)
                .httpOnly(true).secure(security.tls()).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
