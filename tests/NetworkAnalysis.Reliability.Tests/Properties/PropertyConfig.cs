using FsCheck;
using Microsoft.FSharp.Core;

namespace NetworkAnalysis.Reliability.Tests.Properties;

/// <summary>Seeded FsCheck settings (the same inputs every run) and a hang guard.</summary>
internal static class PropertyConfig
{
    public static Config Seeded(int maxTest, ulong seed) =>
        Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));

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
