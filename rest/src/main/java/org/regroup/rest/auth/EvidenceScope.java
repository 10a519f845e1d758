package org.regroup.rest.auth;

import java.io.IOException;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.days.EvidenceService;
import org.regroup.rest.errors.ApiException;

/**
 * The part of an access decision that depends on the body: an evidence batch names its students, and a teacher may
 * send evidence only for students in their groups ({@link AccessPolicy#evidence}). Also tells the audit log which
 * students the batch named.
 */
public final class EvidenceScope implements ReaderInterceptor {

    @Inject
    AccessPolicy policy;
    @Inject
    jakarta.inject.Provider<ContainerRequestContext> request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (entity instanceof EvidenceService.Batch batch && batch.results() != null) {
            var students = batch.results().stream().filter(Objects::nonNull).map(EvidenceService.Result::studentId)
                    .filter(Objects::nonNull).distinct().toList();
            context.setProperty(AuditTrail.STUDENTS, students);
            SignedIn who = Callers.who(request.get().getSecurityContext());
            if (who != null) {
                String school = request.get().getUriInfo().getPathParameters().getFirst("school");
                policy.evidence(who, school, students).ifPresent(refusal -> {
                    throw new ApiException(Response.Status.fromStatusCode(refusal.status()), refusal.detail());
                });
            }
        }
        return entity;
    }
}
