using System.CommandLine;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>Issue #21: a command line starting with a command's name is parsed against a root holding that command alone.</summary>
public sealed class NetanAppSingleCommandTests
{
    private static CliContext Context()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        return new CliContext(console, output, new StringWriter(), Interactive: false);
    }

    [Fact]
    public void Build_ByName_HoldsThatCommandAlone_WithTheNameItIsListedUnder()
    {
        // Given the whole tree
        var all = NetanApp.Build(Context()).Subcommands.Select(c => c.Name).ToList();

        // When a tree is built for each listed name, Then it holds exactly the command of that name, and every command is listed
        all.Count.ShouldBe(NetanApp.Commands.Length);
        foreach (var (name, _) in NetanApp.Commands)
        {
            NetanApp.Build(Context(), name).Subcommands.Select(c => c.Name).ShouldBe([name]);
        }

        // And a word that names no command (or help, or an option first) gets the whole tree
        NetanApp.Build(Context(), "frobnicate").Subcommands.Count.ShouldBe(all.Count);
        NetanApp.Build(Context(), "--help").Subcommands.Count.ShouldBe(all.Count);
    }

    [Theory]
    [InlineData("ingest", "a.jsonl", "--case", "c.case", "--map", "body=text", "--json")]
    [InlineData("analyze", "--case", "c.case", "--full", "--seed", "7")]
    [InlineData("analyze", "--case", "c.case", "--seed", "x")]
    [InlineData("decide", "merge", "c1", "c2", "--case", "c.case")]
    [InlineData("ingest", "--frobnicate")]
    public void Parse_ByName_SameTokensAndErrorsAsTheWholeTree(params string[] args)
    {
        // Given a command line, When parsed against the whole tree and against the command alone
        var whole = NetanApp.Build(Context()).Parse(args, NetanApp.ParserConfiguration());
        var single = NetanApp.Build(Context(), args[0]).Parse(args, NetanApp.ParserConfiguration());

        // Then both reach the same command with the same errors and the same unmatched tokens
        single.CommandResult.Command.Name.ShouldBe(whole.CommandResult.Command.Name);
        single.Errors.Select(e => e.Message).ShouldBe(whole.Errors.Select(e => e.Message));
        single.UnmatchedTokens.ShouldBe(whole.UnmatchedTokens);
        single.Tokens.Select(t => t.Value).ShouldBe(whole.Tokens.Select(t => t.Value));
    }
}
