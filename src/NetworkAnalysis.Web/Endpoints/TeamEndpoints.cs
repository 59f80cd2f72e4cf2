using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Web.Security;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>A team case's logins (who am I, log in, log out, take up an invitation) and its admins' account management.</summary>
/// <remarks>
/// Log in and invitation answer 429 past <see cref="WorkbenchOptions.LoginAttempts"/> per address and window (the
/// <c>login</c> rate-limit policy). Every login, failed login, invitation taken up and account change is in the audit log,
/// named after the user (a failed login after the name tried, marked as such).
/// </remarks>
internal static class TeamEndpoints
{
    public const string LoginPolicy = "login";

    /// <summary>The longest password taken (a longer one is refused before it is hashed).</summary>
    public const int MaxPasswordLength = 1024;

    private static readonly CaseUserRole[] Everyone = [CaseUserRole.Reviewer, CaseUserRole.Analyst, CaseUserRole.Admin];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/session", (HttpContext http, TeamAccounts accounts) =>
        {
            if (!accounts.IsTeam)
            {
                return Results.Ok(new { team = false, user = (string?)null, role = (string?)null, csrf = (string?)null });
            }

            var s = TeamAccounts.Current(http);
            return Results.Ok(new { team = true, user = s?.Name, role = s is null ? null : CaseStore.RoleName(s.Role), csrf = s?.Csrf });
        }).Allow(Everyone);

        app.MapPost("/api/login", (Credentials body, HttpContext http, TeamAccounts accounts, CaseStorePool pool) =>
        {
            if (!accounts.IsTeam)
            {
                return Results.BadRequest(new { error = "this case has no accounts: the workbench is single-user" });
            }

            if (string.IsNullOrWhiteSpace(body.Name) || string.IsNullOrEmpty(body.Password))
            {
                return Results.BadRequest(new { error = "log in with 'name' and 'password'" });
            }

            if (body.Name.Length > CaseStore.MaxUserNameLength * 4 || body.Password.Length > MaxPasswordLength)
            {
                return Results.BadRequest(new { error = "wrong name or password" });
            }

            var session = accounts.LogIn(http, body.Name.Trim(), body.Password);
            using var lease = pool.Rent();
            if (session is null)
            {
                var tried = body.Name.Trim();
                tried = tried.Length > CaseStore.MaxUserNameLength ? tried[..CaseStore.MaxUserNameLength] : tried;
                Record(lease.Store, tried, "login failed", "user " + tried);
                return Results.Json(new { error = "wrong name or password" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            Record(lease.Store, session.Name, "login", "user " + session.Name);
            return Results.Ok(new { user = session.Name, role = CaseStore.RoleName(session.Role), csrf = session.Csrf });
        }).Allow(Everyone).RequireRateLimiting(LoginPolicy);

        app.MapPost("/api/logout", (HttpContext http, TeamAccounts accounts) =>
        {
            accounts.LogOut(http);
            return Results.Ok(new { });
        }).Allow(Everyone);

        app.MapPost("/api/invitations/accept", (Invitation body, HttpContext http, TeamAccounts accounts, CaseStorePool pool) =>
        {
            if (string.IsNullOrWhiteSpace(body.Token) || body.Password is null)
            {
                return Results.BadRequest(new { error = "an invitation needs 'token' and 'password'" });
            }

            if (body.Password.Length < TeamAccounts.MinPasswordLength || body.Password.Length > MaxPasswordLength)
            {
                return Results.BadRequest(new { error = $"a password has {TeamAccounts.MinPasswordLength} to {MaxPasswordLength} characters" });
            }

            CaseUser user;
            using (var lease = pool.Rent())
            {
                try
                {
                    user = lease.Store.RedeemInvitation(body.Token.Trim(), accounts.HashPassword(body.Password));
                }
                catch (CaseStoreException ex)
                {
                    return Results.BadRequest(new { error = ex.Message });
                }
            }

            var session = accounts.LogIn(http, user.Name, body.Password);
            return session is null ? Results.BadRequest(new { error = "the password was set but the login failed; log in again" })
                : Results.Ok(new { user = session.Name, role = CaseStore.RoleName(session.Role), csrf = session.Csrf });
        }).Allow(Everyone).RequireRateLimiting(LoginPolicy);

        app.MapGet("/api/users", (CaseStorePool pool) =>
        {
            using var lease = pool.Rent();
            return Results.Ok(lease.Store.ListUsers().Select(u => new
            {
                name = u.Name, role = u.RoleName, passwordSet = u.HasPassword, createdAt = u.CreatedAt, createdBy = u.CreatedBy,
                removedAt = u.DisabledAt, removedBy = u.DisabledBy,
            }));
        }).Allow();

        app.MapPost("/api/users", (NewUser body, HttpContext http, CaseStorePool pool, WorkbenchOptions options) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name) || !CaseStore.TryParseRole(body.Role, out var role))
            {
                return Results.BadRequest(new { error = "a new user needs 'name' and 'role' (admin, analyst or reviewer)" });
            }

            using var lease = pool.Rent();
            try
            {
                var invitation = lease.Store.AddUser(body.Name, role, TeamAccounts.Actor(http, options));
                return Results.Ok(new { name = invitation.User.Name, role = invitation.User.RoleName, link = "/#/invite/" + invitation.Token, expiresAt = invitation.ExpiresAt });
            }
            catch (CaseStoreException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        }).Allow();

        app.MapPost("/api/users/{name}/remove", (string name, HttpContext http, CaseStorePool pool, WorkbenchOptions options) =>
        {
            using var lease = pool.Rent();
            try
            {
                var user = lease.Store.DisableUser(name, TeamAccounts.Actor(http, options));
                return Results.Ok(new { name = user.Name, removedAt = user.DisabledAt });
            }
            catch (CaseStoreException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        }).Allow();
    }

    private static void Record(CaseStore store, string actor, string action, string target)
    {
        if (!store.IsReadOnly)
        {
            store.AppendAudit(actor, action, target);
        }
    }

    /// <summary>The body of a login.</summary>
    internal sealed record Credentials(string? Name, string? Password);

    /// <summary>The body of taking up an invitation: the token from the link's fragment and the new password.</summary>
    internal sealed record Invitation(string? Token, string? Password);

    /// <summary>The body of an admin's new account.</summary>
    internal sealed record NewUser(string? Name, string? Role);
}
