using FsCheck;
using Microsoft.FSharp.Core;
using Xunit.Sdk;

namespace NetworkAnalysis.Testing;

/// <summary>Runs FsCheck properties with a fixed seed (the same inputs every run) and names that seed when one fails.</summary>
public static class SeededProperty
{
    /// <summary>FsCheck settings: <paramref name="maxTest"/> cases replayed from <paramref name="seed"/>, throwing on failure.</summary>
    public static Config Config(int maxTest, ulong seed) =>
        FsCheck.Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));

    /// <summary>Checks <paramref name="property"/> on <paramref name="maxTest"/> cases from <paramref name="seed"/>; a failure
    /// says which seed and case count reproduce it, then FsCheck's report (original and shrunk input).</summary>
    public static void Check(Property property, int maxTest, ulong seed)
    {
        try
        {
            FsCheck.Check.One(Config(maxTest, seed), property);
        }
        catch (Exception ex) when (ex is not XunitException)
        {
            throw new XunitException($"property failed with seed {seed} ({maxTest} cases; the same seed replays the same inputs): {ex.Message}");
        }
    }
}
