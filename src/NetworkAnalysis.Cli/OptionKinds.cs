using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Storage.Postgres;

namespace NetworkAnalysis.Cli;

/// <summary>Declares what an option's value means (<see cref="ValueKind"/>, a minimum) and checks it while parsing.</summary>
/// <remarks>
/// Every check runs as a System.CommandLine validator, so a malformed value is a parse error: exit 2 and one line that
/// names the option, never an exception inside a command. The declarations are kept beside the symbols (weakly, so a
/// tree's symbols are collected with it) for the tests that walk the command tree.
/// </remarks>
internal static class OptionKinds
{
    private static readonly ConditionalWeakTable<Symbol, object> Kinds = new();
    private static readonly ConditionalWeakTable<Symbol, object> Minimums = new();
    private static readonly ConditionalWeakTable<Symbol, object> Maximums = new();

    /// <summary>The declared kind of <paramref name="symbol"/>, or null when none was declared.</summary>
    public static ValueKind? KindOf(Symbol symbol) => Kinds.TryGetValue(symbol, out var kind) ? (ValueKind)kind : null;

    /// <summary>The declared smallest value of a numeric option, or null.</summary>
    public static double? MinimumOf(Symbol symbol) => Minimums.TryGetValue(symbol, out var min) ? (double)min : null;

    /// <summary>The declared largest value of a numeric option, or null.</summary>
    public static double? MaximumOf(Symbol symbol) => Maximums.TryGetValue(symbol, out var max) ? (double)max : null;

    /// <summary>Declares the kind of a string option and checks its values while parsing.</summary>
    public static TOption Kind<TOption>(this TOption option, ValueKind kind)
        where TOption : Option
    {
        Kinds.AddOrUpdate(option, kind);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                var problem = kind == ValueKind.CaseFile && PostgresCaseLocator.IsLocator(token.Value) && TakesCaseLocator(result)
                    ? LocatorProblem(token.Value)
                    : Problem(token.Value, kind);
                if (problem is not null)
                {
                    result.AddError(problem.StartsWith(option.Name, StringComparison.Ordinal) ? problem : $"{option.Name}: {problem}");
                    return;
                }
            }
        });
        return option;
    }

    /// <summary>Declares that <paramref name="command"/> works on a PostgreSQL case given as <c>--case</c> (a case-file option
    /// then takes a well-formed locator too; every other command still refuses one while parsing).</summary>
    public static Command TakesCaseLocator(this Command command)
    {
        LocatorCommands.AddOrUpdate(command, true);
        return command;
    }

    private static readonly ConditionalWeakTable<Command, object> LocatorCommands = new();

    /// <summary>Whether <paramref name="command"/> was declared with <see cref="TakesCaseLocator(Command)"/>.</summary>
    public static bool TakesCaseLocatorDeclared(Command command) => LocatorCommands.TryGetValue(command, out _);

    /// <summary>Whether the command being parsed (the innermost one, wherever the option stood) takes a PostgreSQL case.</summary>
    private static bool TakesCaseLocator(SymbolResult result)
    {
        var root = result;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        var command = root as CommandResult;
        while (command?.Children.OfType<CommandResult>().FirstOrDefault() is { } inner)
        {
            command = inner;
        }

        return command is not null && TakesCaseLocatorDeclared(command.Command);
    }

    /// <summary>Declares the kind of a string argument and checks its values while parsing.</summary>
    public static TArgument Kind<TArgument>(this TArgument argument, ValueKind kind, string name)
        where TArgument : Argument
    {
        Kinds.AddOrUpdate(argument, kind);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (Problem(token.Value, kind) is { } problem)
                {
                    result.AddError($"{name}: {problem}");
                    return;
                }
            }
        });
        return argument;
    }

    /// <summary>Refuses values below <paramref name="minimum"/> (or above <paramref name="maximum"/>) while parsing.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum, int maximum = int.MaxValue)
    {
        Minimums.AddOrUpdate(option, (double)minimum);
        if (maximum < int.MaxValue)
        {
            Maximums.AddOrUpdate(option, (double)maximum);
        }

        option.Validators.Add(result =>
        {
            // The value as typed: a token that is no number at all already has System.CommandLine's own error.
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && (value < minimum || value > maximum))
            {
                result.AddError(maximum < int.MaxValue
                    ? $"{option.Name} must be from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}"
                    : $"{option.Name} must be at least {minimum.ToString(CultureInfo.InvariantCulture)}");
            }
        });
        return option;
    }

    /// <summary>Refuses values that are not finite numbers greater than zero while parsing.</summary>
    public static Option<double> Positive(this Option<double> option)
    {
        Minimums.AddOrUpdate(option, double.Epsilon);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && double.TryParse(result.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && !(double.IsFinite(value) && value > 0))
            {
                result.AddError($"{option.Name} must be a number greater than 0");
            }
        });
        return option;
    }

    /// <summary>An http(s) URL option: parsed while parsing, so a malformed URL is a usage error naming the option.</summary>
    public static Option<Uri> UrlOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment))
            {
                return uri;
            }

            result.AddError($"{name}: '{LogText.Safe(text, 80)}' is not an http:// or https:// address such as http://localhost:7474");
            return null;
        },
    };

    /// <summary>Why <paramref name="value"/> is not a well-formed value of <paramref name="kind"/>, or null when it is.</summary>
    internal static string? Problem(string value, ValueKind kind) => kind switch
    {
        ValueKind.Text => null,
        ValueKind.IpAddress => IPAddress.TryParse(value, out _) ? null : $"'{LogText.Safe(value, 80)}' is not an IP address (e.g. 127.0.0.1)",
        ValueKind.Country => value.Length == 2 && char.IsAsciiLetter(value[0]) && char.IsAsciiLetter(value[1])
            ? null
            : $"'{LogText.Safe(value, 80)}' is not a two-letter ISO 3166 country code (e.g. US, GB)",
        ValueKind.FieldMap => FieldMapProblem(value),
        ValueKind.CaseLocator => PostgresCaseLocator.IsLocator(value) ? LocatorProblem(value) : PathProblem(value, ValueKind.CaseFile),
        ValueKind.CaseFile when PostgresCaseLocator.IsLocator(value) => PostgresCaseLocator.OnlyCopySoFar,
        _ => PathProblem(value, kind),
    };

    private static string? LocatorProblem(string value)
    {
        try
        {
            PostgresCaseLocator.Parse(value);
            return null;
        }
        catch (CaseStoreException ex)
        {
            return ex.Message;
        }
    }

    private static string? FieldMapProblem(string value)
    {
        try
        {
            AdReaderOptions.ParseFieldMap([value]);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private static string? PathProblem(string value, ValueKind kind)
    {
        var shown = LogText.Safe(NetworkAnalysis.Storage.Postgres.PostgresCaseLocator.Mask(value), 200); // a locator typed where a path goes keeps its password unshown
        if (value.Length == 0)
        {
            return "the path is empty";
        }

        if (value.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0 || value.Contains('\0', StringComparison.Ordinal))
        {
            return $"'{shown}' contains a character no path can hold";
        }

        string full;
        try
        {
            full = Path.GetFullPath(value);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or IOException)
        {
            return $"'{shown}' is not a valid path ({ex.Message})";
        }

        if (kind == ValueKind.InputPath)
        {
            return File.Exists(full) || Directory.Exists(full) ? null : AncestorProblem(full, shown) ?? $"{shown} not found";
        }

        var wantsFolder = kind == ValueKind.OutputFolder;
        if (wantsFolder ? File.Exists(full) : Directory.Exists(full))
        {
            return wantsFolder ? $"{shown} is a file, not a folder" : $"{shown} is a folder, not a file";
        }

        if (kind == ValueKind.InputFile && !File.Exists(full))
        {
            // The nearest existing ancestor being a file says more than "not found".
            return AncestorProblem(full, shown) ?? $"{shown} not found";
        }

        return AncestorProblem(full, shown);
    }

    /// <summary>A path whose nearest existing ancestor is a file can never be created or found.</summary>
    private static string? AncestorProblem(string full, string shown)
    {
        for (var dir = Path.GetDirectoryName(full); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return $"{shown} cannot exist: {LogText.Safe(dir, 200)} is a file, not a folder";
            }

            if (Directory.Exists(dir))
            {
                return null;
            }
        }

        return null;
    }
}
