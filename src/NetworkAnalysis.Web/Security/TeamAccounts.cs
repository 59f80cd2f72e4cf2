using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Security;

/// <summary>
/// Logins of a team case (one with accounts, see <see cref="CaseStore.HasUsers"/>): password checks with ASP.NET Core's
/// <see cref="PasswordHasher{TUser}"/>, sessions kept under the SHA-256 of a random cookie, and the user of a request re-read
/// from the case each time (a removed account or a changed role counts at once).
/// </summary>
/// <remarks>
/// Sessions are stored in the case (<see cref="CaseStore.StartSession"/>): every <c>netan serve</c> process on the same
/// (PostgreSQL) case finds a login made on another and refuses one logged out there, and a restart keeps them. A read-only
/// workbench (<see cref="WorkbenchOptions.ReadOnly"/>) does not write the case, so it keeps its sessions in its own memory
/// for its life. Either way a session lasts at most <see cref="WorkbenchOptions.SessionLifetime"/>. The cookie is HttpOnly
/// and SameSite=Strict (Secure over HTTPS): no other site's page can make the browser send it, and no script can read it.
/// </remarks>
internal sealed class TeamAccounts(CaseStorePool pool, WorkbenchOptions options, TimeProvider time)
{
    public const string SessionCookie = "netan_session";

    /// <summary>The header every write of a logged-in user must carry, holding the session's CSRF token.</summary>
    public const string CsrfHeader = "X-Netan-Csrf";

    /// <summary>The shortest password accepted when an invitation is taken up.</summary>
    public const int MinPasswordLength = 10;

    private const string UserItem = "netan.session";

    private readonly ConcurrentDictionary<string, WorkbenchSession> _sessions = new(StringComparer.Ordinal);
    private readonly PasswordHasher<CaseUser> _hasher = new();
    private volatile bool _team;

    /// <summary>Whether sessions are stored in the case (shared by every server on it) rather than in this server's memory.</summary>
    private bool InCase => !options.ReadOnly;

    /// <summary>Whether the case has accounts; once it has, the answer stays yes for the server's life (removing the last does not open it).</summary>
    public bool IsTeam
    {
        get
        {
            if (_team)
            {
                return true;
            }

            using var lease = pool.Rent();
            return _team = lease.Store.HasUsers();
        }
    }

    /// <summary>The session of this request (set by <see cref="WorkbenchGuard"/>), or null.</summary>
    public static WorkbenchSession? Current(HttpContext ctx) => ctx.Items.TryGetValue(UserItem, out var s) ? s as WorkbenchSession : null;

    /// <summary>Who acts in this request: the logged-in user, else the server's analyst (single-user mode).</summary>
    public static string Actor(HttpContext ctx, WorkbenchOptions options) => Current(ctx)?.Name ?? options.Analyst;

    /// <summary>Finds the request's session and checks its account still may log in; sets it on the request. Null when there is none.</summary>
    public WorkbenchSession? Authenticate(HttpContext ctx)
    {
        if (!ctx.Request.Cookies.TryGetValue(SessionCookie, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        WorkbenchSession? session;
        CaseUser? user;
        var key = Hash(cookie);
        if (InCase)
        {
            using var lease = pool.Rent();
            var stored = lease.Store.FindSession(cookie);
            session = stored is null ? null : new WorkbenchSession(stored.UserId, "", CaseUserRole.Reviewer, stored.Csrf,
                DateTimeOffset.Parse(stored.ExpiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
            user = session is null ? null : lease.Store.FindUser(session.UserId);
            if (session is not null && user is not { IsEnabled: true, HasPassword: true })
            {
                lease.Store.EndSession(cookie);
                return null;
            }
        }
        else
        {
            if (!_sessions.TryGetValue(key, out session))
            {
                return null;
            }

            if (session.ExpiresAt <= time.GetUtcNow())
            {
                _sessions.TryRemove(key, out _);
                return null;
            }

            using (var lease = pool.Rent())
            {
                user = lease.Store.FindUser(session.UserId);
            }

            if (user is not { IsEnabled: true, HasPassword: true })
            {
                _sessions.TryRemove(key, out _);
                return null;
            }
        }

        if (session is null || user is null)
        {
            return null;
        }

        session = session with { Role = user.Role, Name = user.Name };
        ctx.Items[UserItem] = session;
        return session;
    }

    /// <summary>Whether the request carries the session's CSRF token in <see cref="CsrfHeader"/> (compared in constant time).</summary>
    public static bool HasCsrfToken(HttpContext ctx, WorkbenchSession session)
    {
        var sent = ctx.Request.Headers[CsrfHeader].ToString();
        return sent.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(session.Csrf));
    }

    /// <summary>Checks a name and password; on success starts a session and sets its cookie. Null when they do not match.</summary>
    /// <remarks>An unknown name, a removed account or one whose invitation was never taken up costs one hash verification like a wrong password, so timing does not tell them apart.</remarks>
    public WorkbenchSession? LogIn(HttpContext ctx, string name, string password)
    {
        CaseUser? user;
        string? hash;
        using (var lease = pool.Rent())
        {
            user = lease.Store.FindUser(name);
            hash = user is null ? null : lease.Store.PasswordHashOf(user.Id);
        }

        var ok = _hasher.VerifyHashedPassword(user ?? Nobody, hash ?? DummyHash, password) != PasswordVerificationResult.Failed;
        if (!ok || user is not { IsEnabled: true } || hash is null)
        {
            return null;
        }

        var token = WorkbenchGuard.NewToken();
        var session = new WorkbenchSession(user.Id, user.Name, user.Role, WorkbenchGuard.NewToken(), time.GetUtcNow() + options.SessionLifetime);
        if (InCase)
        {
            // The store drops the sessions that ended on the way.
            using var lease = pool.Rent();
            lease.Store.StartSession(token, user.Id, session.Csrf, session.ExpiresAt);
        }
        else
        {
            // Sessions that ended without a further request are dropped here, so the table stays as small as the team.
            var now = time.GetUtcNow();
            foreach (var (key, old) in _sessions)
            {
                if (old.ExpiresAt <= now)
                {
                    _sessions.TryRemove(key, out _);
                }
            }

            _sessions[Hash(token)] = session;
        }

        ctx.Response.Cookies.Append(SessionCookie, token, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = ctx.Request.IsHttps, Path = "/", IsEssential = true,
            MaxAge = options.SessionLifetime,
        });
        ctx.Items[UserItem] = session;
        return session;
    }

    /// <summary>Ends the request's session (on every server of the case) and clears its cookie.</summary>
    public void LogOut(HttpContext ctx)
    {
        if (ctx.Request.Cookies.TryGetValue(SessionCookie, out var cookie) && !string.IsNullOrEmpty(cookie))
        {
            if (InCase)
            {
                using var lease = pool.Rent();
                lease.Store.EndSession(cookie);
            }
            else
            {
                _sessions.TryRemove(Hash(cookie), out _);
            }
        }

        ctx.Response.Cookies.Delete(SessionCookie, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = ctx.Request.IsHttps, Path = "/" });
    }

    /// <summary>Hashes a new password for the case (PBKDF2 as ASP.NET Core Identity does it; the password itself is never stored).</summary>
    public string HashPassword(string password) => _hasher.HashPassword(Nobody, password);

    private static readonly CaseUser Nobody = new(0, "", CaseUserRole.Reviewer, false, "", "", null, null);

    private static readonly string DummyHash = new PasswordHasher<CaseUser>().HashPassword(Nobody, WorkbenchGuard.NewToken());

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
