using System.Globalization;
using System.Text;

namespace NetworkAnalysis.Core.Tests.Extraction.Corpus;

/// <summary>Generated corpus lines: every obfuscation style over several fictional identifiers, in varied contexts.</summary>
/// <remarks>Deterministic (no randomness): style i of identifier j uses context (i + j) mod the context count.</remarks>
public static class StyleCorpus
{
    private static readonly string[] En = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private static readonly string[] Es = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"];

    private static readonly string[] Contexts =
    [
        "Call {0} now", "{0}", "text me {0} xoxo", "Booking line: {0}.", "new girl in town {0} ask for Mia", "<br>{0}<br>",
        "Hi gentlemen!! {0} incall $200", "☎ {0} ☎", "No blocked calls. {0}", "reach me @ {0} for specials", "({0})",
        "24/7 {0}", "5'6 120lbs {0} 34-24-36",
    ];

    private static readonly (string A, string B, string C)[] UsNumbers =
    [
        ("702", "555", "0143"), ("310", "555", "0100"), ("212", "555", "0111"), ("415", "555", "0123"), ("617", "555", "0142"),
        ("305", "555", "0177"), ("713", "555", "0188"), ("404", "555", "0161"), ("206", "555", "0104"), ("602", "555", "0133"),
        ("512", "555", "0166"), ("917", "555", "0108"),
    ];

    private static readonly Func<string, string, string, string>[] UsStyles =
    [
        (a, b, c) => $"({a}) {b}-{c}", (a, b, c) => $"{a}-{b}-{c}", (a, b, c) => $"{a}.{b}.{c}", (a, b, c) => $"{a} {b} {c}",
        (a, b, c) => a + b + c, (a, b, c) => $"+1 {a} {b} {c}", (a, b, c) => $"1-{a}-{b}-{c}", (a, b, c) => $"+1 ({a}) {b}-{c}",
        (a, b, c) => Words(a + b + c, En, " "), (a, b, c) => Words(a + b + c, Es, " "), (a, b, c) => Mixed(a, b, c),
        (a, b, c) => a + "-" + Letters(b) + "-" + Letters(c, keepLast: true), (a, b, c) => Map(a + "-" + b + "-" + c, 0xFF10),
        (a, b, c) => Circled(a + b + c), (a, b, c) => Keycaps(a + b + c), (a, b, c) => string.Join('\u200B', (a + b + c).ToCharArray()),
        (a, b, c) => string.Join(' ', (a + b + c).ToCharArray()), (a, b, c) => string.Join('.', (a + b + c).ToCharArray()),
        (a, b, c) => $"{a}<b>{b}</b>{c}", (a, b, c) => $"&#{(int)a[0]};{a[1..]}-{b}-{c}", (a, b, c) => Map(a + b + c, 0x1D7CE),
        (a, b, c) => $"{a}~{b}~{c}", (a, b, c) => $"{a}*{b}*{c}", (a, b, c) => $"[{a}] {b} {c}", (a, b, c) => Map(a + b + c, 0x660),
        (a, b, c) => $"{a} / {b} / {c}", (a, b, c) => Words(a + b + c, En, "").ToUpperInvariant(), (a, b, c) => $"{a} dash {b} dash {c}",
    ];

    private static readonly string[] GbNumbers = ["900123", "900456", "900789", "900001"];

    private static readonly Func<string, string>[] GbStyles =
    [
        n => $"07700 {n}", n => $"07700-{n[..3]}-{n[3..]}", n => $"+44 7700 {n}", n => $"+44 (0)7700 {n}", n => $"0044 7700 {n}",
        n => $"07700{n}", n => Words("07700" + n, En, " "), n => "o77oo " + n.Replace('0', 'o'), n => Map("07700" + n, 0xFF10),
    ];

    private static readonly string[] EmailLocals = ["sweet.kitty", "lola22", "candy_rain", "ms.jade", "roxy-vip", "mia2024"];
    private static readonly string[] EmailDomains = ["example", "example", "example"];
    private static readonly string[] EmailTlds = ["com", "net", "org"];

    private static readonly Func<string, string, string, string>[] EmailStyles =
    [
        (l, d, t) => $"{l}@{d}.{t}", (l, d, t) => $"{l} at {d} dot {t}", (l, d, t) => $"{l} (at) {d} (dot) {t}",
        (l, d, t) => $"{l}[at]{d}[dot]{t}", (l, d, t) => $"{l} @ {d} . {t}", (l, d, t) => $"{l}&#64;{d}.{t}",
        (l, d, t) => $"{l} AT {d} DOT {t}", (l, d, t) => Map($"{l}@{d}.{t}", 0xFF10), (l, d, t) => $"{l}(@){d}.{t}",
        (l, d, t) => $"{l}<span>@</span>{d}.{t}",
    ];

    private static readonly (string Type, string[] Labels)[] Platforms =
    [
        ("snapchat", ["snap:", "Snapchat -", "add my snap", "SC:", "👻"]), ("instagram", ["IG:", "insta", "instagram @", "follow my ig"]),
        ("telegram", ["telegram:", "TG -", "telegram @"]), ("kik", ["kik:", "kik me", "Kik -"]), ("twitter", ["twitter:", "twitter @", "X: @"]),
        ("venmo", ["venmo:", "Venmo @", "venmo -"]), ("onlyfans", ["OF:", "onlyfans", "only fans -"]), ("wechat", ["wechat:", "WeChat ID", "wx:"]),
        ("line", ["line:", "LINE ID", "line id -"]), ("cashtag", ["cash app:", "cashapp $", "CashApp -", "$"]),
    ];

    private static readonly string[] Handles = ["mia_rose22", "candyrain88", "jade_vip_x"];

    /// <summary>All generated lines in corpus markup.</summary>
    public static IEnumerable<string> Lines()
    {
        for (var j = 0; j < UsNumbers.Length; j++)
        {
            var (a, b, c) = UsNumbers[j];
            for (var i = 0; i < UsStyles.Length; i++)
            {
                yield return Wrap(i + j, $"{{{{phone:+1{a}{b}{c}|{UsStyles[i](a, b, c)}}}}}");
            }
        }

        for (var j = 0; j < GbNumbers.Length; j++)
        {
            for (var i = 0; i < GbStyles.Length; i++)
            {
                yield return "@GB " + Wrap(i + j, $"{{{{phone:+447700{GbNumbers[j]}|{GbStyles[i](GbNumbers[j])}}}}}");
            }
        }

        for (var j = 0; j < EmailLocals.Length; j++)
        {
            var (l, d, t) = (EmailLocals[j], EmailDomains[j % EmailDomains.Length], EmailTlds[j % EmailTlds.Length]);
            for (var i = 0; i < EmailStyles.Length; i++)
            {
                yield return Wrap(i + j, $"{{{{email:{l}@{d}.{t}|{EmailStyles[i](l, d, t)}}}}}");
            }
        }

        foreach (var (type, labels) in Platforms)
        {
            for (var j = 0; j < Handles.Length; j++)
            {
                foreach (var label in labels)
                {
                    var handle = type == "cashtag" ? Handles[j].Replace('_', '-') : Handles[j];
                    var value = type == "cashtag" ? "$" + handle : handle;
                    var raw = label.EndsWith('$') || label.EndsWith('@') ? label[^1] + handle : handle;
                    var prefix = label.EndsWith('$') || label.EndsWith('@') ? label[..^1] : label + " ";
                    yield return $"{prefix}{{{{{type}:{value}|{raw}}}}} xx";
                }
            }
        }
    }

    private static string Wrap(int k, string marked) => string.Format(CultureInfo.InvariantCulture, Contexts[k % Contexts.Length], marked);

    private static string Words(string digits, string[] words, string sep) => string.Join(sep, digits.Select(d => words[d - '0']));

    private static string Mixed(string a, string b, string c) =>
        $"{a[0]}{En[a[1] - '0']}{a[2]}-{b[0]}{En[b[1] - '0']}{b[2]}-{c[0]}{c[1]}{En[c[2] - '0']}{c[3]}";

    private static string Letters(string group, bool keepLast = false)
    {
        var sb = new StringBuilder(group);
        for (var i = 1; i < sb.Length - (keepLast ? 1 : 1); i++)
        {
            sb[i] = sb[i] switch { '0' => 'O', '1' => 'l', _ => sb[i] };
        }

        return sb.ToString();
    }

    private static string Map(string s, int zero) => string.Concat(s.Select(ch => char.IsAsciiDigit(ch) ? char.ConvertFromUtf32(zero + ch - '0') : ch.ToString()));

    private static string Circled(string digits) => string.Concat(digits.Select(d => d == '0' ? "⓪" : ((char)(0x2460 + d - '1')).ToString()));

    private static string Keycaps(string digits) => string.Concat(digits.Select(d => d + "\uFE0F\u20E3"));
}
