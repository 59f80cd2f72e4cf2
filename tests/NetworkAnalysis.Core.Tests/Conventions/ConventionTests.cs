using System.Reflection;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Core.Tests.Conventions;

/// <summary>Fails the build's tests when an architectural rule from STYLE.md is broken.</summary>
public sealed class ConventionTests
{
    [Fact]
    public void Core_ReferencesNoUiDatabaseOrWebAssemblies()
    {
        var forbidden = new[] { "Spectre", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "SQLitePCL", "Npgsql", "System.CommandLine" };

        var references = typeof(Core.Ads.Ad).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        references.Where(r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Fact]
    public void Sources_OutsideHosts_DoNotUseConsoleOrWallClock()
    {
        var src = Path.Combine(TestData.RepoRoot, "src");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file);
            if (relative.StartsWith("NetworkAnalysis.Cli", StringComparison.Ordinal) || relative.StartsWith("NetworkAnalysis.Web", StringComparison.Ordinal)
                || relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            if (text.Contains("Console.", StringComparison.Ordinal) || text.Contains("DateTime.Now", StringComparison.Ordinal)
                || text.Contains("DateTimeOffset.Now", StringComparison.Ordinal) || text.Contains("AnsiConsole.", StringComparison.Ordinal))
            {
                offenders.Add(relative);
            }
        }

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void Sources_HaveNoNotImplementedException()
    {
        var src = Path.Combine(TestData.RepoRoot, "src");
        Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && File.ReadAllText(f).Contains("NotImplementedException", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Fact]
    public void CoreDomainRecords_ExposeNoPublicSetters()
    {
        var mutable = typeof(Core.Ads.Ad).Assembly.GetExportedTypes()
            .Where(t => t.Namespace?.StartsWith("NetworkAnalysis.Core", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (t, p)))
            .Where(x => x.p.SetMethod is { IsPublic: true } set
                && !set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit"))
            .Select(x => $"{x.t.Name}.{x.p.Name}");

        mutable.ShouldBeEmpty();
    }
}
