namespace NetworkAnalysis.Reliability.Tests.Properties;

/// <summary>A hang guard for property tests (the seeded runs themselves: <c>NetworkAnalysis.Testing.SeededProperty</c>).</summary>
internal static class PropertyConfig
{
    /// <summary>Runs <paramref name="check"/>, failing if it does not finish within <paramref name="limit"/> (a hang guard, not a timing test).</summary>
    public static void Bounded(TimeSpan limit, Action check)
    {
        var task = Task.Run(check);
        if (!task.Wait(limit))
        {
            throw new TimeoutException($"the property did not finish within {limit}: an input makes the code hang or go quadratic");
        }

        task.GetAwaiter().GetResult();
    }
}
