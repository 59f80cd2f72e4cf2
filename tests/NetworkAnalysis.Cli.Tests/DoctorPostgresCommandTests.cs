using Npgsql;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>
/// `netan doctor` on a case on PostgreSQL (#22): the checks that mean something there (references, indexes, rows per
/// table, the audit chain, unfinished ingests) find what they find on a case file, and `--repair` is refused by name.
/// </summary>
public sealed class DoctorPostgresCommandTests(AnalysedCaseFixture fixture, PostgresDatabase database) : IClassFixture<AnalysedCaseFixture>, IClassFixture<PostgresDatabase>
{
    private async Task<string> Copy()
    {
        Prerequisite.RequirePostgres();
        var remote = database.Schema();
        var copy = await CliRunner.RunAsync("case", "copy", fixture.CasePath, remote, "-q");
        copy.ExitCode.ShouldBe(0, copy.All);
        return remote;
    }

    private static void Execute(string locator, string sql)
    {
        var uri = new Uri(locator);
        var schema = uri.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("schema=", StringComparison.Ordinal))["schema=".Length..];
        using var connection = new NpgsqlConnection($"Host={uri.Host};Port={uri.Port};Username={uri.UserInfo};Database={uri.AbsolutePath.Trim('/')};Search Path={schema}");
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    private static Dictionary<string, string> Rows(string output) =>
        output.Split('\n').Single(l => l.StartsWith("rows: ", StringComparison.Ordinal))["rows: ".Length..].Split(", ")
            .Select(p => p.Split(' ')).ToDictionary(p => p[0], p => p[1]);

    [SkippableFact]
    public async Task Doctor_HealthyCopy_IsHealthy_WithTheFilesRowCounts()
    {
        // Given
        var remote = await Copy();

        // When
        var onServer = await CliRunner.RunAsync("doctor", "--case", remote);
        var onFile = await CliRunner.RunAsync("doctor", fixture.CasePath);

        // Then
        onServer.ExitCode.ShouldBe(0, onServer.All);
        onServer.Out.ShouldContain("ok      foreign-keys: every reference resolves");
        onServer.Out.ShouldContain("ok      integrity: pages and indexes are the PostgreSQL server's to check");
        onServer.Out.ShouldContain("ok      audit: audit chain intact");
        onServer.Out.ShouldContain("The case is healthy.");
        var fileRows = Rows(onFile.Out);
        foreach (var (table, count) in Rows(onServer.Out).Where(r => fileRows.ContainsKey(r.Key) && r.Key != "audit"))
        {
            count.ShouldBe(fileRows[table], table);
        }

        Rows(onServer.Out)["ads"].ShouldBe("400");
    }

    [SkippableFact]
    public async Task Doctor_BrokenReferenceTamperedAuditUnfinishedIngest_EachFound_RepairRefused()
    {
        // Given: ads deleted behind the tool's back, an audit entry rewritten, an ingest marked unfinished
        var remote = await Copy();
        Execute(remote, "DELETE FROM memberships WHERE ad <= 3; DELETE FROM ads WHERE id <= 3;");
        Execute(remote, "UPDATE audit SET actor = 'someone else' WHERE seq = 1;");
        Execute(remote, "UPDATE sources SET completed_at = NULL;");

        // When
        var run = await CliRunner.RunAsync("doctor", remote);
        var repair = await CliRunner.RunAsync("doctor", "--repair", "--case", remote);

        // Then
        run.ExitCode.ShouldBe(1, run.All);
        run.Out.ShouldMatch(@"WARNING foreign-keys: \d+ rows break the reference mentions -> ads");
        run.Out.ShouldContain("ERROR   audit: audit chain broken at entry 1");
        run.Out.ShouldContain("WARNING ingest: the ingest of ");
        run.Out.ShouldContain("The case is damaged.");
        run.Out.ShouldNotContain("password");
        repair.ExitCode.ShouldBe(2, repair.All);
        repair.Error.ShouldContain("`netan doctor --repair` writes a repaired copy of a case file");
        run.Out.ShouldNotContain("Run `netan doctor --repair`");
    }
}
