package pl.koordes.comments.web;

/** The proof-of-work challenge as the comment form carries it for its script. */
public record ChallengeView(String algorithm, String challenge, long maxNumber, String salt, String signature) {
}
