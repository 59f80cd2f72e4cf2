using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>Serves Cytoscape.js from npm's node_modules when the build did not copy it beside the assembly.</summary>
internal static class StaticAssets
{
    private const string Relative = "node_modules/cytoscape/dist/cytoscape.min.js";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/lib/cytoscape.min.js", () => FindCytoscape() is { } path
            ? Results.File(path, "text/javascript")
            : Results.Text("Cytoscape.js is missing: run `npm ci` in the repository root, then rebuild netan.", "text/plain", statusCode: 404));

    /// <summary>The first Cytoscape.js found: beside the assembly, else in a node_modules above it or above the working folder.</summary>
    public static string? FindCytoscape()
    {
        var copied = Path.Combine(WorkbenchHost.AssetFolder, "lib", "cytoscape.min.js");
        if (File.Exists(copied))
        {
            return copied;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
