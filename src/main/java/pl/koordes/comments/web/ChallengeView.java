package pl.koordes.comments.web;

/**
 * A proof-of-work challenge as the comment form's script fetches it (JSON). Fetched by each visitor
 * instead of written into the article page, so the page is the same bytes for every visitor and can
 * be cached, while no two visitors share a challenge (each solved challenge carries one comment).
 */
public record ChallengeView(String algorithm, String challenge, long maxNumber, String salt, String signature) {}
