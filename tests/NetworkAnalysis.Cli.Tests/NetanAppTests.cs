using System.CommandLine;
using NetworkAnalysis.Testing;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Tests;

public sealed class NetanAppTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_TwoThousandInvocationsInParallel_EachAsWhenRunAlone()
    {
        // Given four cheap invocations (help, a subcommand's help, extract on a small file, an unknown command) and
        // what each prints when run alone
        var ads = _dir.Write("ads.jsonl", """
            {"id":"1","body":"call 702-555-0171"}
            {"id":"2","body":"mail ring@example.com"}

            """);
        string[][] kinds = [["--help"], ["clusters", "--help"], ["extract", ads, "--quiet"], ["frobnicate", "--json"]];
        var alone = new List<CliRunner.Run>();
        foreach (var args in kinds)
        {
            alone.Add(await CliRunner.RunAsync(args));
        }

        // When 2,000 of them build, parse and run at once in this process (with the former shared static options and no
        // lock, 3 of 5 runs of this test failed: "Collection was modified" while one parse read an option's parent list
        // another build was appending to; 200 invocations were too few to catch it)
        var runs = new CliRunner.Run[2000];
        Parallel.For(0, runs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => runs[i] = CliRunner.RunAsync(kinds[i % kinds.Length]).GetAwaiter().GetResult());

        // Then every run exits and prints exactly as it did alone
        alone.Select(r => r.ExitCode).ShouldBe([0, 0, 0, 2]);
        alone[2].Out.ShouldContain("+17025550171");
        for (var i = 0; i < runs.Length; i++)
        {
            var expected = alone[i % kinds.Length];
            runs[i].ShouldBe(expected, $"run {i}: netan {string.Join(' ', kinds[i % kinds.Length])}");
        }
    }

    [Fact]
    public void Build_ManyTrees_ShareNoOptionOrArgument_AndNoParentListGrows()
    {
        // Given one built tree, every option and argument in it, and how many parents each has
        var first = NetanApp.Build(Context());
        var symbols = Symbols(first).ToList();
        var parents = symbols.Select(s => s.Parents.Count()).ToList();
        symbols.Count.ShouldBeGreaterThan(50);
        symbols.Select(s => s.Name).ShouldContain("--case");

        // When 50 more trees are built and parsed
        RootCommand last = first;
        for (var i = 0; i < 50; i++)
        {
            last = NetanApp.Build(Context());
            last.Parse(["clusters", "--case", "x.case", "--json", "--analyst", "a"]).Errors.ShouldBeEmpty();
        }

        // Then the first tree's symbols have exactly the parents they had (no later tree attached itself to them)
        symbols.Select(s => s.Parents.Count()).ShouldBe(parents);
        // and no symbol instance is in two trees
        var later = Symbols(last).ToHashSet(ReferenceEqualityComparer.Instance);
        symbols.Where(later.Contains).Select(s => s.Name).ShouldBeEmpty();
        // and within a tree, generate, demo and bench each have their own corpus --seed
        symbols.Where(s => s.Name == "--seed" && s.Description!.StartsWith("Random seed", StringComparison.Ordinal)).Distinct(ReferenceEqualityComparer.Instance).Count().ShouldBe(3);
    }

    private static IEnumerable<Symbol> Symbols(Command command)
    {
        foreach (var option in command.Options)
        {
            yield return option;
        }

        foreach (var argument in command.Arguments)
        {
            yield return argument;
        }

        foreach (var symbol in command.Subcommands.SelectMany(Symbols))
        {
            yield return symbol;
        }
    }

    private static CliContext Context()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        return new CliContext(console, output, new StringWriter(), Interactive: false);
    }
}
