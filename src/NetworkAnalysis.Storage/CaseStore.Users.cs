using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Longest login name kept, in characters.</summary>
    public const int MaxUserNameLength = 64;

    /// <summary>How long an invitation link works unless told otherwise.</summary>
    public static readonly TimeSpan DefaultInvitationLifetime = TimeSpan.FromHours(72);

    /// <summary>Whether the case has workbench accounts (any, removed ones included): then <c>netan serve</c> requires a login.</summary>
    /// <remarks>A removed account keeps the case a team case: removing the last one must not open the workbench to anyone.</remarks>
    public bool HasUsers()
    {
        if (IsReadOnly && !HasTable("users"))
        {
            return false;
        }

        using var cmd = Command("SELECT id FROM users ORDER BY id LIMIT 1;");
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>Adds a workbench account with no password, and a one-time invitation that sets it. Audited.</summary>
    /// <param name="name">The login name (trimmed; 1 to <see cref="MaxUserNameLength"/> characters, no control characters).</param>
    /// <param name="role">What the account may do.</param>
    /// <param name="by">Who adds it.</param>
    /// <param name="validFor">How long the invitation works (<see cref="DefaultInvitationLifetime"/> when null).</param>
    /// <exception cref="CaseStoreException">The name is empty, too long, has control characters, or is taken.</exception>
    public CaseInvitation AddUser(string name, CaseUserRole role, string by, TimeSpan? validFor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        name = CheckUserName(name);
        if (FindUser(name) is { } existing)
        {
            throw new CaseStoreException($"user {existing.Name} exists already ({existing.RoleName}{(existing.IsEnabled ? "" : ", removed")}); `netan users invite {existing.Name}` gives a new link");
        }

        using (var cmd = Command("INSERT INTO users(name, role, password_hash, created_at, created_by) VALUES ($n, $r, NULL, $t, $b);"))
        {
            cmd.Parameters.AddWithValue("$n", name);
            cmd.Parameters.AddWithValue("$r", RoleName(role));
            cmd.Parameters.AddWithValue("$t", Now());
            cmd.Parameters.AddWithValue("$b", by.Trim());
            cmd.ExecuteNonQuery();
        }

        var user = FindUser(name)!;
        var invitation = NewInvitation(user, validFor);
        AppendAudit(by.Trim(), "users add", "user " + user.Name, $"role {user.RoleName}, invitation valid until {invitation.ExpiresAt}");
        return invitation;
    }

    /// <summary>A new one-time invitation for an existing account (a forgotten password, an expired link); earlier unused links stop working. Audited.</summary>
    /// <exception cref="CaseStoreException">No such user, or it was removed.</exception>
    public CaseInvitation InviteUser(string name, string by, TimeSpan? validFor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var user = RequireUser(name);
        if (!user.IsEnabled)
        {
            throw new CaseStoreException($"user {user.Name} was removed by {user.DisabledBy} on {user.DisabledAt}; removed accounts cannot be invited again");
        }

        var invitation = NewInvitation(user, validFor);
        AppendAudit(by.Trim(), "users invite", "user " + user.Name, $"invitation valid until {invitation.ExpiresAt}");
        return invitation;
    }

    /// <summary>Removes an account: it can no longer log in and its sessions end at their next request. The row stays, so the names in the audit log and on decisions keep their meaning. Audited.</summary>
    /// <exception cref="CaseStoreException">No such user, or it was removed already.</exception>
    public CaseUser DisableUser(string name, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var user = RequireUser(name);
        if (!user.IsEnabled)
        {
            throw new CaseStoreException($"user {user.Name} was removed already by {user.DisabledBy} on {user.DisabledAt}");
        }

        var at = Now();
        using var tx = BeginImmediate("users");
        using (var cmd = Command("UPDATE users SET disabled_at = $t, disabled_by = $b WHERE id = $id AND disabled_at IS NULL;", tx))
        {
            cmd.Parameters.AddWithValue("$t", at);
            cmd.Parameters.AddWithValue("$b", by.Trim());
            cmd.Parameters.AddWithValue("$id", user.Id);
            cmd.ExecuteNonQuery();
        }

        RevokeInvitations(user.Id, at, tx);
        EndSessionsOf(user.Id, tx);
        tx.Commit();
        AppendAudit(by.Trim(), "users remove", "user " + user.Name);
        return user with { DisabledAt = at, DisabledBy = by.Trim() };
    }

    /// <summary>Takes up an invitation: sets the account's password hash and uses the token up. Audited in the user's name.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="passwordHash">The password as hashed by the caller (the workbench uses ASP.NET Core's password hasher); never the password.</param>
    /// <exception cref="CaseStoreException">The token is unknown, was used or replaced, has expired, or its account was removed.</exception>
    public CaseUser RedeemInvitation(string token, string passwordHash)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        var hash = TokenHash(token);
        long userId;
        string expires;
        using (var cmd = Command("SELECT user_id, expires_at, used_at, revoked_at FROM invitations WHERE token_sha256 = $h;"))
        {
            cmd.Parameters.AddWithValue("$h", hash);
            using var r = cmd.ExecuteReader();
            if (!r.Read())
            {
                throw new CaseStoreException("this invitation link is not valid: ask an admin for a new one (`netan users invite NAME`)");
            }

            if (!r.IsDBNull(2) || !r.IsDBNull(3))
            {
                throw new CaseStoreException("this invitation link was used already or replaced by a newer one: ask an admin for a new one");
            }

            (userId, expires) = (r.GetInt64(0), r.GetString(1));
        }

        if (string.CompareOrdinal(Now(), expires) >= 0)
        {
            throw new CaseStoreException($"this invitation link expired on {expires}: ask an admin for a new one");
        }

        var user = FindUser(userId) ?? throw new CaseStoreException("this invitation link is not valid: ask an admin for a new one");
        if (!user.IsEnabled)
        {
            throw new CaseStoreException($"the account {user.Name} was removed; its invitation no longer works");
        }

        var at = Now();
        // The token is used up in the same transaction that sets the password, and only if still unused: of two
        // requests racing with one link, one sets the password and the other is refused.
        using var tx = BeginImmediate("users");
        using (var use = Command("UPDATE invitations SET used_at = $t WHERE token_sha256 = $h AND used_at IS NULL AND revoked_at IS NULL;", tx))
        {
            use.Parameters.AddWithValue("$t", at);
            use.Parameters.AddWithValue("$h", hash);
            if (use.ExecuteNonQuery() != 1)
            {
                throw new CaseStoreException("this invitation link was used already: ask an admin for a new one");
            }
        }

        using (var set = Command("UPDATE users SET password_hash = $p WHERE id = $id;", tx))
        {
            set.Parameters.AddWithValue("$p", passwordHash);
            set.Parameters.AddWithValue("$id", userId);
            set.ExecuteNonQuery();
        }

        tx.Commit();
        AppendAudit(user.Name, "user join", "user " + user.Name, "invitation taken up, password set");
        return user with { HasPassword = true };
    }

    /// <summary>Every account of the case, oldest first (removed ones too).</summary>
    public IReadOnlyList<CaseUser> ListUsers()
    {
        var list = new List<CaseUser>();
        if (IsReadOnly && !HasTable("users"))
        {
            return list;
        }

        using var cmd = Command(UserColumns + " ORDER BY id;");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(ReadUser(r));
        }

        return list;
    }

    /// <summary>The account with this login name (exact, after trimming), or null.</summary>
    public CaseUser? FindUser(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsReadOnly && !HasTable("users"))
        {
            return null;
        }

        using var cmd = Command(UserColumns + " WHERE name = $n;");
        cmd.Parameters.AddWithValue("$n", name.Trim());
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadUser(r) : null;
    }

    /// <summary>The account with this number, or null.</summary>
    public CaseUser? FindUser(long id)
    {
        if (IsReadOnly && !HasTable("users"))
        {
            return null;
        }

        using var cmd = Command(UserColumns + " WHERE id = $id;");
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadUser(r) : null;
    }

    /// <summary>The stored password hash of an account (null before its invitation was taken up), for the workbench's login check.</summary>
    public string? PasswordHashOf(long userId)
    {
        using var cmd = Command("SELECT password_hash FROM users WHERE id = $id;");
        cmd.Parameters.AddWithValue("$id", userId);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>The wire name of a role: <c>admin</c>, <c>analyst</c> or <c>reviewer</c>.</summary>
    public static string RoleName(CaseUserRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Parses a role wire name, ignoring case.</summary>
    public static bool TryParseRole(string? text, out CaseUserRole role)
    {
        role = CaseUserRole.Reviewer;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
    }

    /// <summary>The SHA-256 (hex) an invitation token is stored as.</summary>
    internal static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private const string UserColumns = "SELECT id, name, role, password_hash, created_at, created_by, disabled_at, disabled_by FROM users";

    private static CaseUser ReadUser(System.Data.Common.DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), TryParseRole(r.GetString(2), out var role) ? role : CaseUserRole.Reviewer, !r.IsDBNull(3),
        r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7));

    private CaseUser RequireUser(string name) => FindUser(CheckUserName(name))
        ?? throw new CaseStoreException($"no user {name.Trim()} in the case (`netan users list` lists them)");

    private static string CheckUserName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = name.Trim();
        if (n.Length == 0)
        {
            throw new CaseStoreException("a user needs a name");
        }

        if (n.Length > MaxUserNameLength)
        {
            throw new CaseStoreException(string.Create(CultureInfo.InvariantCulture, $"a user name has at most {MaxUserNameLength} characters"));
        }

        if (n.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            throw new CaseStoreException("a user name cannot hold control or invisible formatting characters");
        }

        return n;
    }

    private CaseInvitation NewInvitation(CaseUser user, TimeSpan? validFor)
    {
        var lifetime = validFor ?? DefaultInvitationLifetime;
        if (lifetime <= TimeSpan.Zero)
        {
            throw new CaseStoreException("an invitation must stay valid for some time");
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = Time.GetUtcNow();
        var expires = (now + lifetime).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        using var tx = BeginImmediate("users");
        RevokeInvitations(user.Id, Now(), tx);
        using (var cmd = Command("INSERT INTO invitations(token_sha256, user_id, created_at, expires_at) VALUES ($h, $u, $t, $e);", tx))
        {
            cmd.Parameters.AddWithValue("$h", TokenHash(token));
            cmd.Parameters.AddWithValue("$u", user.Id);
            cmd.Parameters.AddWithValue("$t", Now());
            cmd.Parameters.AddWithValue("$e", expires);
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return new CaseInvitation(user, token, expires);
    }

    private void RevokeInvitations(long userId, string at, System.Data.Common.DbTransaction tx)
    {
        using var cmd = Command("UPDATE invitations SET revoked_at = $t WHERE user_id = $u AND used_at IS NULL AND revoked_at IS NULL;", tx);
        cmd.Parameters.AddWithValue("$t", at);
        cmd.Parameters.AddWithValue("$u", userId);
        cmd.ExecuteNonQuery();
    }
}
