using System.Globalization;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>The ingest's extraction threads (#21, session 11): results in input order whichever thread ran an item, failures
/// surfaced to the caller, and on Linux a lower priority than the thread that started them (the SQLite writer).</summary>
public sealed class IngestWorkersTests
{
    [Fact]
    public void Map_ManyItemsOfUnevenCost_ResultsInInputOrder()
    {
        // Given: 5,000 items whose cost varies, so the threads finish their chunks out of order
        var items = Enumerable.Range(0, 5_000).ToList();
        using var workers = new IngestWorkers(3, nice: 0);

        // When: two batches are mapped one after the other on the same threads
        var first = workers.Map(items, i => Spin(i) + ":" + i.ToString(CultureInfo.InvariantCulture));
        var second = workers.Map(items.Take(7).ToList(), i => i * 2);

        // Then: every result sits at its item's index
        first.ShouldBe(items.Select(i => Spin(i) + ":" + i.ToString(CultureInfo.InvariantCulture)).ToArray());
        second.ShouldBe([0, 2, 4, 6, 8, 10, 12]);
        workers.Map(new List<int>(), i => i).ShouldBeEmpty();
    }

    [Fact]
    public void Map_AnItemThrows_TheCallerGetsItsException_AndTheThreadsStillWork()
    {
        using var workers = new IngestWorkers(2, nice: 0);

        var error = Should.Throw<InvalidOperationException>(() =>
            workers.Map(Enumerable.Range(0, 1_000).ToList(), i => i == 700 ? throw new InvalidOperationException("item 700") : i));

        error.Message.ShouldBe("item 700");
        workers.Map(Enumerable.Range(0, 300).ToList(), i => i + 1).ShouldBe(Enumerable.Range(1, 300).ToArray());
    }

    [SkippableFact]
    public void Map_OnLinux_RunsAtTheNiceValueAsked_WhileTheCallerKeepsItsOwn()
    {
        Prerequisite.Require(OperatingSystem.IsLinux(), "Linux (thread nice values are set through setpriority)",
            "run on Linux, as CI does; elsewhere extraction runs at the writer's priority by design");
        var caller = ThreadNiceValue();
        using var workers = new IngestWorkers(2, nice: 15);

        var nices = workers.Map(Enumerable.Range(0, 512).ToList(), _ => ThreadNiceValue());

        nices.Distinct().ShouldBe([Math.Max(caller, 15)]);
        ThreadNiceValue().ShouldBe(caller);
    }

    private static int Spin(int i)
    {
        var x = 0;
        for (var k = 0; k < (i % 97) * 50; k++)
        {
            x = unchecked((x * 31) + k);
        }

        return x;
    }

    /// <summary>The calling thread's nice value: field 19 of <c>/proc/thread-self/stat</c>.</summary>
    private static int ThreadNiceValue()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
