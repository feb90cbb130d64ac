package com.marketplace.disputes.kernel;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the parties' API ({@code /api/disputes}, {@code /api/contacts}, {@code /api/appeals})
 * answers a request it refuses, the same way in every controller: bad fields 400 with each field
 * named, a move the caller may not make 403, a record the caller cannot see 404 (the same answer
 * whether it exists or not, so ids cannot be probed). The engine REST API has its own mapping
 * (EngineRestConfig).
 */
@RestControllerAdvice
public class ApiProblems {

  /** The logged-in caller, as the engine knows it; refused when there is none. */
  public static Authentication caller(IdentityService identityService) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null) {
      throw new NotAllowed("Login required.");
    }
    return auth;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    problem.setProperty("errors", e.errorMaps());
    return problem;
  }

  @ExceptionHandler(LimitReachedException.class)
  ProblemDetail limitReached(LimitReachedException e) {
    ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Limit reached", e.getMessage());
    problem.setProperty("errors", e.errorMaps());
    problem.setProperty("limit", e.limit());
    return problem;
  }

  @ExceptionHandler(NotAllowed.class)
  ProblemDetail forbidden(NotAllowed e) {
    return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
  }

  @ExceptionHandler(NotVisible.class)
  ProblemDetail notFound(NotVisible e) {
    return problem(HttpStatus.NOT_FOUND, "No such " + e.kind, e.getMessage());
  }

  /** A conflict with the record's state, e.g. a move it no longer allows. */
  public static ProblemDetail conflict(String title, String detail) {
    return problem(HttpStatus.CONFLICT, title, detail);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  /** A move the caller may not make. */
  public static class NotAllowed extends RuntimeException {
    public NotAllowed(String message) {
      super(message);
    }
  }

  /** A dispute, contact or appeal that does not exist or that the caller may not see. */
  public static class NotVisible extends RuntimeException {
    private final String kind;

    public NotVisible(String kind, String id) {
      super("No " + kind + " " + id + " that you can see.");
      this.kind = kind;
    }
  }
}
