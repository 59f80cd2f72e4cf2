namespace NetworkAnalysis.Storage;

/// <summary>A workbench account of a team case (see <see cref="CaseStore.ListUsers"/>); the password hash is not part of it.</summary>
/// <param name="Id">Its number in the case.</param>
/// <param name="Name">The login name, also the name every audit entry and decision of the user carries.</param>
/// <param name="Role">What the account may do.</param>
/// <param name="HasPassword">Whether the invitation was taken up (a password is set).</param>
/// <param name="CreatedAt">When it was added (UTC, ISO 8601).</param>
/// <param name="CreatedBy">Who added it.</param>
/// <param name="DisabledAt">When it was removed, or null while it may log in.</param>
/// <param name="DisabledBy">Who removed it.</param>
public sealed record CaseUser(long Id, string Name, CaseUserRole Role, bool HasPassword, string CreatedAt, string CreatedBy, string? DisabledAt, string? DisabledBy)
{
    /// <summary>Whether the account may log in (it was not removed).</summary>
    public bool IsEnabled => DisabledAt is null;

    /// <summary>The wire name of <see cref="Role"/>: <c>admin</c>, <c>analyst</c> or <c>reviewer</c>.</summary>
    public string RoleName => CaseStore.RoleName(Role);
}
