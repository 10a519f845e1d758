package org.regroup.rest.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method ({@link Rule}). A method without one is refused to everybody (403) and fails the
 * authorization matrix test: a new endpoint cannot be open by mistake.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {
    Rule value();
}
