package com.marketplace.disputes.identity;

import com.marketplace.disputes.kernel.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the screens are showing: the logged-in caller's id, language and what kind of user they
 * are. The parties' page reads it to know which side of each dispute the caller is on and in
 * which language to speak; Tasklist's customization reads it to hide the controls the engine
 * gate refuses to this user. Only the caller's own facts, never anyone else's.
 *
 * <p>A caller logged in through the webapps also gets the session's CSRF token: the page lives
 * outside /camunda, the path of the webapps' XSRF-TOKEN cookie, so its script cannot read the
 * cookie, yet its writes must repeat the token like the forms' do. Another site cannot read this
 * answer (no CORS), and a basic-auth caller has no session and gets none.
 */
@RestController
public class CurrentUserController {

  private final IdentityService identityService;

  public CurrentUserController(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Never kept by a browser or proxy: a session's answer carries its CSRF token. */
  @GetMapping("/api/me")
  public ResponseEntity<Map<String, Object>> me(HttpServletRequest request) {
    Authentication caller = ApiProblems.caller(identityService);
    List<String> groups = caller.getGroupIds() == null ? List.of()
        : caller.getGroupIds().stream().filter(PlatformGroups.ALL::contains).sorted().toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", caller.getUserId());
    body.put("locale", identityService.getUserInfo(caller.getUserId(),
        UserLanguage.LOCALE_INFO_KEY));
    body.put("groups", groups);
    body.put("party", PlatformGroups.isMemberOfAny(caller, PlatformGroups.PARTIES)
        && !PlatformGroups.isStaff(caller));
    body.put("admin", groups.contains(PlatformGroups.CAMUNDA_ADMIN));
    HttpSession session = request.getHeader(HttpHeaders.AUTHORIZATION) == null
        ? request.getSession(false) : null;
    if (session != null) {
      body.put("csrfToken", session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME));
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }
}
