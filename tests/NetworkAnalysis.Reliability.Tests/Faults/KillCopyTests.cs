using System.Diagnostics;
using Npgsql;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage.Postgres;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reliability.Tests.Faults;

/// <summary>SIGKILL a <c>netan case copy</c> once its first table is in: no target is left that looks like a case, and
/// the next copy to the same target goes through without <c>--force</c>.</summary>
[Collection(ProcessCollection.Name)]
public sealed class KillCopyTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void Copy_KilledAfterItsFirstTable_LeavesNoCase_AndARerunSucceeds(bool toPostgres)
    {
        // Given: an analysed case of 20,000 ads (about 220,000 rows over 22 tables)
        if (toPostgres)
        {
            Prerequisite.RequirePostgres();
        }

        var data = _dir.File("data");
        Ok(NetanProcess.Run(Guard, "generate", "-n", "20000", "--seed", "5", "-o", data, "-q"));
        var source = _dir.File("source.case");
        Ok(NetanProcess.Run(Guard, "-c", source, "-q", "ingest", Path.Combine(data, "ads.jsonl")));
        Ok(NetanProcess.Run(Guard, "-c", source, "-q", "analyze"));
        var target = toPostgres ? database.Schema() : _dir.File("target.case");

        // When: the copy is killed as soon as it reports its first table
        using (var p = NetanProcess.Start("case", "copy", source, target))
        {
            var first = p.StandardError.ReadLine();
            first.ShouldNotBeNull("the copy ended before reporting a table");
            first.ShouldStartWith("netan: copied ");
            p.HasExited.ShouldBeFalse("the copy finished before it could be killed");
            p.Kill();
            p.WaitForExit();
        }

        // Then: nothing that looks like a case is left at the target
        if (toPostgres)
        {
            using var pg = new NpgsqlConnection(PostgresCaseLocator.Parse(target).ConnectionString());
            pg.Open();
            using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema();", pg);
            ((long)tables.ExecuteScalar()!).ShouldBe(0);
            var hash = NetanProcess.Run(Guard, "case", "hash", target);
            hash.ExitCode.ShouldBe(2);
            hash.Error.ShouldContain("holds no case");
        }
        else
        {
            File.Exists(target).ShouldBeFalse();
            Directory.GetFiles(_dir.Path, "target.case*").ShouldAllBe(f => f.EndsWith(".copying", StringComparison.Ordinal) || f.Contains(".copying-", StringComparison.Ordinal));
        }

        // And: the copy runs again to the same target without --force, and verifies
        var rerun = NetanProcess.Run(Guard, "case", "copy", source, target, "-q");
        rerun.ExitCode.ShouldBe(0, rerun.Error);
        rerun.Out.ShouldContain("the hashes agree");
        Directory.GetFiles(_dir.Path, "target.case.copying*").ShouldBeEmpty();
    }

    private static void Ok(NetanProcess.Result r) => r.ExitCode.ShouldBe(0, r.Error);
}
