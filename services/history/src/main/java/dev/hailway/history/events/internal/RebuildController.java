package dev.hailway.history.events.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ops/history/rebuild} starts a rebuild (202, with its status); {@code GET} on the same path
 * says how far it is ({@code state} {@code CAUGHT_UP} once every event up to its start has been applied again).
 */
@RestController
class RebuildController {

    private final Rebuild rebuild;

    RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/ops/history/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('OPERATOR')")
    Rebuild.Status start() {
        return rebuild.start();
    }

    @GetMapping("/api/ops/history/rebuild")
    @PreAuthorize("hasRole('OPERATOR')")
    Rebuild.Status status() {
        return rebuild.status();
    }
}
