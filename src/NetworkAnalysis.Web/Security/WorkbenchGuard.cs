using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NetworkAnalysis.Web.Security;

/// <summary>Every request passes here first: security headers, the access token, the loopback host check, a team case's
/// login and CSRF token, read-only mode.</summary>
internal sealed class WorkbenchGuard(RequestDelegate next, WorkbenchOptions options, TeamAccounts accounts)
{
    public const string TokenCookie = "netan_token";
    public const string RequestHeader = "X-Netan-Request";

    /// <summary>No inline script or style, no other origin, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The headers every response carries, those Kestrel writes on its own included (<see cref="KestrelRejectionHeaders"/>).</summary>
    internal static readonly (string Name, string Value)[] SecurityHeaders =
    [
        ("Content-Security-Policy", ContentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
        ("Cache-Control", "no-store"),
    ];

    private readonly byte[]? _token = options.Token is { } t ? Encoding.UTF8.GetBytes(t) : null;

    public async Task InvokeAsync(HttpContext ctx)
    {
        KestrelRejectionHeaders.MarkApplicationResponse(ctx);
        var headers = ctx.Response.Headers;
        foreach (var (name, value) in SecurityHeaders)
        {
            headers[name] = value;
        }

        if (IsCrossSite(ctx.Request))
        {
            // Another site's page (a link, an <img>, a form, fetch) must not search, export or write the audit log in the
            // analyst's name; only a top-level navigation to a page (not the API) is let through.
            await Reject(ctx, StatusCodes.Status403Forbidden, "requests from other sites are refused: use the workbench itself");
            return;
        }

        if (_token is null && !IsLoopbackHost(ctx.Request.Host.Host))
        {
            // Without a token only loopback names are answered, so a rebound DNS name cannot reach the case.
            await Reject(ctx, StatusCodes.Status421MisdirectedRequest, "this workbench answers only to localhost; start it with --token to serve other names");
            return;
        }

        if (_token is not null)
        {
            if (ctx.Request.Query.TryGetValue("token", out var fromUrl) && Matches(fromUrl.ToString()))
            {
                ctx.Response.Cookies.Append(TokenCookie, options.Token!, new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true,
                });
                ctx.Response.Redirect(ctx.Request.PathBase + ctx.Request.Path);
                return;
            }

            if (!IsAuthorized(ctx.Request))
            {
                headers.WWWAuthenticate = "Bearer";
                await Reject(ctx, StatusCodes.Status401Unauthorized, "this workbench needs its access token: open the URL `netan serve` printed (ending ?token=...)");
                return;
            }
        }

        var write = !HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method);
        var loginPath = IsLoginPath(ctx.Request);
        if (accounts.IsTeam)
        {
            // A team case: the page's own code (no case data) loads for the login form; every API request needs a session,
            // and every write the session's CSRF token besides the request header below.
            var session = accounts.Authenticate(ctx);
            var isApi = ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
            if (session is null && isApi && !loginPath)
            {
                await Reject(ctx, StatusCodes.Status401Unauthorized, "log in first: this is a team case (open the workbench page, or an invitation link from `netan users add`)");
                return;
            }

            if (session is null && !isApi && write)
            {
                await Reject(ctx, StatusCodes.Status401Unauthorized, "log in first");
                return;
            }

            if (session is not null && write && !loginPath && !TeamAccounts.HasCsrfToken(ctx, session))
            {
                await Reject(ctx, StatusCodes.Status403Forbidden, $"writes need this session's CSRF token in the {TeamAccounts.CsrfHeader} header (reload the page)");
                return;
            }
        }

        if (write)
        {
            // Logging in and out changes no byte of a read-only case (sessions are in memory); taking up an invitation would.
            if (options.ReadOnly && !(loginPath && !ctx.Request.Path.Equals("/api/invitations/accept", StringComparison.OrdinalIgnoreCase)))
            {
                await Reject(ctx, StatusCodes.Status403Forbidden, "read-only workbench: changes are not allowed");
                return;
            }

            if (!ctx.Request.Headers.ContainsKey(RequestHeader))
            {
                // A custom header cannot be sent cross-site without a CORS preflight, which this server never grants.
                await Reject(ctx, StatusCodes.Status403Forbidden, $"writes need the {RequestHeader} header");
                return;
            }
        }

        await next(ctx);
    }

    /// <summary>The requests a team case answers without a session: who am I, log in, log out, take up an invitation.</summary>
    private static bool IsLoginPath(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) && request.Path.Equals("/api/session", StringComparison.OrdinalIgnoreCase))
        || (HttpMethods.IsPost(request.Method) && (request.Path.Equals("/api/login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/api/logout", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/api/invitations/accept", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether a browser says the request comes from another site (Sec-Fetch-Site), or its Origin is not this server.</summary>
    internal static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var fromElsewhere = site is "cross-site" or "same-site";
        if (!fromElsewhere && request.Headers.Origin.ToString() is { Length: > 0 } origin)
        {
            fromElsewhere = !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        }

        if (!fromElsewhere)
        {
            return false;
        }

        var navigation = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Headers["Sec-Fetch-Mode"].ToString() == "navigate"
            && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        return !navigation;
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(auth[7..].Trim()))
        {
            return true;
        }

        return request.Cookies.TryGetValue(TokenCookie, out var cookie) && Matches(cookie);
    }

    private bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);

    internal static bool IsLoopbackHost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (host.StartsWith("127.", StringComparison.Ordinal) && System.Net.IPAddress.TryParse(host, out _));

    private static Task Reject(HttpContext ctx, int status, string message)
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(new { error = message });
    }

    /// <summary>A new random token (256 bits, URL-safe).</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
