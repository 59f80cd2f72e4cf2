namespace NetworkAnalysis.Storage;

/// <summary>A workbench login stored in the case (see <see cref="CaseStore.StartSession"/>), found by its cookie.</summary>
/// <param name="UserId">The account logged in.</param>
/// <param name="Csrf">The session's CSRF token, which every write of the session must carry.</param>
/// <param name="ExpiresAt">When it ends (UTC, ISO 8601), whatever happens before.</param>
public sealed record CaseSession(long UserId, string Csrf, string ExpiresAt);
