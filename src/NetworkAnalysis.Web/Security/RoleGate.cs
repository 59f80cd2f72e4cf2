using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Security;

/// <summary>
/// Which roles of a team case may use an endpoint: its <see cref="AllowedRoles"/> metadata, else (for an endpoint without
/// it) anyone logged in may read and only analysts may write. An admin may use every endpoint. Single-user mode has no roles.
/// </summary>
internal static class RoleGate
{
    /// <summary>The roles an endpoint admits besides admin.</summary>
    internal sealed record AllowedRoles(IReadOnlyList<CaseUserRole> Roles);

    /// <summary>Admits these roles (and admin) to the endpoint in a team case.</summary>
    public static TBuilder Allow<TBuilder>(this TBuilder builder, params CaseUserRole[] roles)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AllowedRoles(roles));

    /// <summary>The middleware (after routing): 403 with one line when the session's role may not use the endpoint.</summary>
    public static async Task Check(HttpContext ctx, RequestDelegate next)
    {
        if (TeamAccounts.Current(ctx) is { } session && session.Role != CaseUserRole.Admin && ctx.GetEndpoint() is { } endpoint)
        {
            var write = !HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method);
            IReadOnlyList<CaseUserRole> allowed = endpoint.Metadata.GetMetadata<AllowedRoles>()?.Roles
                ?? (write ? [CaseUserRole.Analyst] : [CaseUserRole.Reviewer, CaseUserRole.Analyst]);
            if (!allowed.Contains(session.Role))
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                await ctx.Response.WriteAsJsonAsync(new
                {
                    error = $"{session.Name} is a{(session.Role == CaseUserRole.Analyst ? "n" : "")} {CaseStore.RoleName(session.Role)}: this needs the role {string.Join(" or ", allowed.Append(CaseUserRole.Admin).Distinct().Select(CaseStore.RoleName))}",
                });
                return;
            }
        }

        await next(ctx);
    }
}
