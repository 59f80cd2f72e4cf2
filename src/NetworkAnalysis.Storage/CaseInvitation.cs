namespace NetworkAnalysis.Storage;

/// <summary>A one-time invitation just created: the token is shown this once; the case keeps only its SHA-256.</summary>
/// <param name="User">The account it sets the password of.</param>
/// <param name="Token">The secret for the link (256 random bits, URL-safe).</param>
/// <param name="ExpiresAt">When it stops working (UTC, ISO 8601).</param>
public sealed record CaseInvitation(CaseUser User, string Token, string ExpiresAt);
