using System.Diagnostics;

namespace NetworkAnalysis.Storage;

/// <summary>Time spent per ingest stage, summed over the run (each stage is timed on one thread; safe across threads).</summary>
internal sealed class IngestTimings
{
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (from <see cref="Stopwatch.GetTimestamp"/>) to <paramref name="stage"/>.</summary>
    public void Add(string stage, long startTimestamp) => AddTicks(stage, Stopwatch.GetTimestamp() - startTimestamp);

    /// <summary>Adds <paramref name="ticks"/> (<see cref="Stopwatch"/> ticks) to <paramref name="stage"/>.</summary>
    public void AddTicks(string stage, long ticks)
    {
        lock (_ticks)
        {
            _ticks[stage] = _ticks.GetValueOrDefault(stage) + ticks;
        }
    }

    /// <summary>The stages in milliseconds, named <c>STAGE_ms</c>.</summary>
    public Dictionary<string, double> ToMilliseconds()
    {
        lock (_ticks)
        {
            return _ticks.ToDictionary(t => t.Key + "_ms", t => t.Value * 1000.0 / Stopwatch.Frequency, StringComparer.Ordinal);
        }
    }
}
