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

    /// <summary>CPU time (user + system) of the calling thread so far, in <see cref="Stopwatch"/> ticks; 0 where the OS does
    /// not say (Linux: <c>/proc/thread-self/stat</c>, in 1/100 s). Unlike wall time it leaves out waiting for a core.</summary>
    public static long ThreadCpuTicks()
    {
        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
            var hundredths = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return hundredths * Stopwatch.Frequency / 100;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }

    /// <summary>Time the calling thread has spent runnable but waiting for a core so far, in <see cref="Stopwatch"/> ticks; 0 where
    /// the OS does not say (Linux: the second field of <c>/proc/thread-self/schedstat</c>, in ns).</summary>
    public static long ThreadRunqueueWaitTicks()
    {
        try
        {
            var fields = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
            var ns = long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            return (long)(ns * (Stopwatch.Frequency / 1e9));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
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
