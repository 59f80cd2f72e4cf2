using System.Globalization;
using Npgsql;

namespace NetworkAnalysis.Storage.Postgres;

/// <summary>A case on a PostgreSQL server: <c>postgresql://user[:password]@host[:port]/database[?schema=name]</c>.</summary>
/// <remarks>
/// The password should come from <c>PGPASSWORD</c> or <c>~/.pgpass</c> (Npgsql reads both); one written in the locator is
/// accepted but never shown: <see cref="ToString"/> masks it, and that is the form logs and the audit log record.
/// Query parameters: <c>schema</c> (the PostgreSQL schema holding the case's tables, default <c>public</c>) and
/// <c>sslmode</c> (disable, allow, prefer, require, verify-ca, verify-full). Anything else is refused by name.
/// </remarks>
public sealed class PostgresCaseLocator
{
    private static readonly string[] SslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"];
    private readonly string? _password;

    private PostgresCaseLocator(string user, string? password, string host, int port, string database, string schema, string? sslMode)
    {
        User = user;
        _password = password;
        Host = host;
        Port = port;
        Database = database;
        Schema = schema;
        SslMode = sslMode;
    }

    /// <summary>The database user.</summary>
    public string User { get; }

    /// <summary>The server's host name or address (or a unix-socket folder, written percent-encoded: <c>%2Frun%2Fpostgresql</c>).</summary>
    public string Host { get; }

    /// <summary>The server's port (5432 when not given).</summary>
    public int Port { get; }

    /// <summary>The database.</summary>
    public string Database { get; }

    /// <summary>The PostgreSQL schema that holds the case's tables.</summary>
    public string Schema { get; }

    /// <summary>The sslmode parameter, or null for Npgsql's default.</summary>
    public string? SslMode { get; }

    /// <summary>Whether the locator carried a password (it is never shown).</summary>
    public bool HasPassword => _password is not null;

    /// <summary>Whether <paramref name="value"/> names a PostgreSQL case rather than a case file.</summary>
    public static bool IsLocator(string? value) =>
        value is not null && (value.StartsWith("postgresql:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase));

    /// <summary>What a place that needs a case file itself (<c>netan doctor FILE</c>, a file option) says when given a PostgreSQL case.</summary>
    public const string OnlyCopySoFar = "a case file is needed here, not a PostgreSQL case (issue #22): copy it to a case file first, e.g. `netan case copy postgresql://... my.case`";

    /// <summary>Throws <see cref="OnlyCopySoFar"/> when <paramref name="value"/> is a PostgreSQL locator (what works on case files only).</summary>
    /// <exception cref="CaseStoreException">It is one.</exception>
    public static void ThrowIfLocator(string value)
    {
        if (IsLocator(value))
        {
            throw new CaseStoreException(OnlyCopySoFar);
        }
    }

    /// <summary>Parses a locator.</summary>
    /// <exception cref="CaseStoreException">It is malformed; the message names the part that is wrong (never the password).</exception>
    public static PostgresCaseLocator Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsLocator(value))
        {
            throw Bad("it does not start with postgresql://");
        }

        var rest = value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..];
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            throw Bad("expected postgresql://user@host/database");
        }

        rest = rest[2..];
        if (rest.Contains('#', StringComparison.Ordinal))
        {
            throw Bad("a '#' fragment is not allowed");
        }

        var query = "";
        if (rest.IndexOf('?', StringComparison.Ordinal) is var q and >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            throw Bad("the database is missing (postgresql://user@host/database)");
        }

        var authority = rest[..slash];
        var database = Decode(rest[(slash + 1)..]);
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw Bad(database.Length == 0 ? "the database is missing (postgresql://user@host/database)" : $"the database '{Shown(database)}' contains '/'");
        }

        var at = authority.LastIndexOf('@');
        if (at < 0)
        {
            throw Bad("the user is missing (postgresql://user@host/database)");
        }

        var userInfo = authority[..at];
        var hostPort = authority[(at + 1)..];
        string? password = null;
        if (userInfo.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            password = Decode(userInfo[(colon + 1)..]);
            userInfo = userInfo[..colon];
        }

        var user = Decode(userInfo);
        if (user.Length == 0)
        {
            throw Bad("the user is missing (postgresql://user@host/database)");
        }

        var port = 5432;
        var host = hostPort;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Bad($"the host '{Shown(hostPort)}' opens '[' without closing it");
            }

            host = hostPort[1..close];
            hostPort = hostPort[(close + 1)..];
            if (hostPort.Length > 0 && hostPort[0] != ':')
            {
                throw Bad($"unexpected '{Shown(hostPort)}' after the host");
            }

            port = hostPort.Length > 0 ? ParsePort(hostPort[1..]) : port;
        }
        else if (hostPort.LastIndexOf(':') is var pc and >= 0)
        {
            host = hostPort[..pc];
            port = ParsePort(hostPort[(pc + 1)..]);
        }

        host = Decode(host);
        if (host.Length == 0)
        {
            throw Bad("the host is missing (postgresql://user@host/database)");
        }

        if (!host.StartsWith('/') && host.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '_')))
        {
            throw Bad($"the host '{Shown(host)}' is not a host name or address");
        }

        var schema = "public";
        string? sslMode = null;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pair : pair[..eq];
            var val = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            switch (key)
            {
                case "schema":
                    if (val.Length is 0 or > 63 || !(char.IsAsciiLetterLower(val[0]) || val[0] == '_') || val.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
                    {
                        throw Bad($"schema '{Shown(val)}' must be 1-63 lower-case letters, digits or '_', starting with a letter");
                    }

                    schema = val;
                    break;
                case "sslmode":
                    if (!SslModes.Contains(val, StringComparer.Ordinal))
                    {
                        throw Bad($"sslmode '{Shown(val)}' is not one of {string.Join(", ", SslModes)}");
                    }

                    sslMode = val;
                    break;
                default:
                    throw Bad($"unknown parameter '{Shown(key)}' (known: schema, sslmode)");
            }
        }

        return new PostgresCaseLocator(user, password, host, port, database, schema, sslMode);

        static int ParsePort(string text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 65535
                ? p
                : throw Bad($"the port '{Shown(text)}' is not a number from 1 to 65535");
    }

    /// <summary>The Npgsql connection string (it holds the password when the locator had one: never print it).</summary>
    internal string ConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Database = Database,
            Username = User,
            SearchPath = Schema,
            Pooling = false,
            ApplicationName = "netan",
            CommandTimeout = 0,
        };
        if (_password is not null)
        {
            builder.Password = _password;
        }

        if (SslMode is not null)
        {
            builder.SslMode = SslMode switch
            {
                "disable" => Npgsql.SslMode.Disable,
                "allow" => Npgsql.SslMode.Allow,
                "prefer" => Npgsql.SslMode.Prefer,
                "require" => Npgsql.SslMode.Require,
                "verify-ca" => Npgsql.SslMode.VerifyCA,
                _ => Npgsql.SslMode.VerifyFull,
            };
        }

        return builder.ConnectionString;
    }

    /// <summary>The locator with any password masked: what logs, errors and the audit log show.</summary>
    public override string ToString()
    {
        var host = Host.StartsWith('/') ? Uri.EscapeDataString(Host) : Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        var query = new List<string>();
        if (Schema != "public")
        {
            query.Add("schema=" + Schema);
        }

        if (SslMode is not null)
        {
            query.Add("sslmode=" + SslMode);
        }

        return $"postgresql://{Uri.EscapeDataString(User)}{(_password is null ? "" : ":***")}@{host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(Database)}"
            + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    /// <summary>A value to show in place of a locator that may not parse: everything between "://" and "@" masked.</summary>
    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var start = value.IndexOf("://", StringComparison.Ordinal);
        var at = value.LastIndexOf('@');
        return start >= 0 && at > start && value.IndexOf(':', start + 3) is var c && c >= 0 && c < at
            ? value[..c] + ":***" + value[at..]
            : value;
    }

    /// <summary>Percent-decoding; a '%' not followed by two hex digits stays as it is.</summary>
    private static string Decode(string text) => Uri.UnescapeDataString(text);

    private static string Shown(string text) => text.Length > 80 ? text[..80] + "…" : new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static CaseStoreException Bad(string problem) => new($"not a PostgreSQL case locator: {problem} (expected postgresql://user@host[:port]/database[?schema=name]; the password from PGPASSWORD or ~/.pgpass)");
}
