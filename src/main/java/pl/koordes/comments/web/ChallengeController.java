package pl.koordes.comments.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import pl.koordes.comments.internal.ProofOfWork;

/** A fresh, signed, expiring proof-of-work challenge for the comment form's script; never cached. */
@RestController
class ChallengeController {

    static final String PATH = "/komentarze/wyzwanie";

    private final ProofOfWork proofOfWork;

    ChallengeController(ProofOfWork proofOfWork) {
        this.proofOfWork = proofOfWork;
    }

    @GetMapping(PATH)
    ResponseEntity<ChallengeView> challenge() {
        ProofOfWork.Challenge c = proofOfWork.issue();
        // JSON whatever the client said it accepts (a preset type skips negotiation): never a 406.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ChallengeView(c.algorithm(), c.challenge(), c.maxNumber(), c.salt(), c.signature()));
    }
}
