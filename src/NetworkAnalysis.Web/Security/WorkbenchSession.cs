using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Security;

/// <summary>A logged-in user's session in a team case: who, with which role (re-read from the case on every request), its CSRF token and end.</summary>
internal sealed record WorkbenchSession(long UserId, string Name, CaseUserRole Role, string Csrf, DateTimeOffset ExpiresAt);
