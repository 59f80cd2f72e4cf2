using NetworkAnalysis.Core.Extraction.Emails;
using NetworkAnalysis.Core.Extraction.Handles;
using NetworkAnalysis.Core.Extraction.Phones;

namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds URLs and bare domains; profile URLs of known platforms become that platform's handle instead.</summary>
/// <remarks>
/// Scheme URLs (http, https) accept any host whose labels are letters, digits, symbols, '-' and (below the registered
/// domain) '_', with a letter TLD (or "localhost"); bare domains need a known TLD and a word boundary (not after '@', '/',
/// '_', '-', '#'), and a bare label is one script (Latin, CJK or other letters), so that a domain glued to text in another
/// script (CJK writes no spaces) is still found. A path keeps brackets and double quotes only when they are balanced
/// within the URL; trailing sentence punctuation, an unpaired trailing "'" and a possessive "'s" are trimmed; CJK text
/// ends a path. A "host:" not followed by a port ends the URL before the colon. One left-to-right pass with counters:
/// no backtracking, each URL at most 2048 characters. Value: lower case, without scheme, "www." and trailing '/'.
/// "instagram.com/mia", "t.me/mia", "wa.me/15551234567", "paypal.me/mia", "cash.app/$mia" give the platform type.
/// </remarks>
public sealed partial class UrlExtractor : IEntityExtractor
{
    private const int MaxUrl = 2048;
    private const int MaxLabel = 63;
    private const int MaxHost = 253;

    // How far a path is read past its last balanced point looking for the closing bracket or quote: keeps hostile
    // "x.com/(x.com/(x.com/(..." at a bounded cost per URL.
    private const int MaxOpenGroup = 256;

    private long _charactersRead;

    /// <inheritdoc/>
    public string Name => "url";

    /// <summary>Characters read by this instance's scanning loops so far (each read of a text position counts once per
    /// loop that reads it); the linear-cost tests compare it across input sizes instead of timing the scan.</summary>
    internal long CharactersRead => Interlocked.Read(ref _charactersRead);

    /// <inheritdoc/>
    public void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes)
    {
        var text = input.Normalised.Text;
        var i = 0;
        long reads = 0;
        while (i < text.Length)
        {
            reads++;
            var script = ScriptOf(text[i]);
            if (script == Script.None || IsBlockedBefore(text, i, script))
            {
                i++;
                continue;
            }

            if (script == Script.Latin && text[i] < 0x80)
            {
                // Fast path for ASCII words: only a word followed by '.', a non-ASCII letter or "://" can start a URL.
                var j = i + 1;
                while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '-' or '_'))
                {
                    j++;
                }

                reads += j - i;

                if (j == text.Length || !(text[j] is '.' || text[j] >= 0x80 || (text[j] == ':' && StartsWithScheme(text, i))))
                {
                    i = j;
                    continue;
                }
            }

            var end = TryUrl(input, entities, i, ref reads);
            if (end > i)
            {
                i = end;
                continue;
            }

            // Skip the rest of this word (the same script, with '-' and '_').
            while (i < text.Length && (ScriptOf(text[i]) == script || text[i] is '-' or '_'))
            {
                reads++;
                i++;
            }
        }

        Interlocked.Add(ref _charactersRead, reads);
    }

    /// <summary>Whether the character before <paramref name="i"/> glues the candidate to a word, handle or path.</summary>
    private static bool IsBlockedBefore(string text, int i, Script script)
    {
        if (i == 0)
        {
            return false;
        }

        var b = text[i - 1];
        switch (b)
        {
            case '/' or '_' or '-' or '$' or '\\' or '#':
                return true;
            case ':':
                // "text:http://x.com": a scheme URL after a label; "snap:mia.vip" stays a handle.
                return !StartsWithScheme(text, i);
            case '@':
                // "user@http://vk.com" is a URL glued to an address; "@http://x.com" at a word start is a mention.
                return !StartsWithScheme(text, i) || i < 2 || char.IsWhiteSpace(text[i - 2]);
            case '.':
                // "これは。example.com" (the ideographic full stop is normalised to '.'): a new word in another script.
                if (i < 2)
                {
                    return true;
                }

                var before = ScriptOf(text[i - 2]);
                return before == Script.Latin || before == script || before == Script.None;
            default:
                return b < 0x80 ? char.IsAsciiLetterOrDigit(b) && script == Script.Latin : ScriptOf(b) == script;
        }
    }

    private static bool StartsWithScheme(string text, int i) => StartsWith(text, i, "http://") || StartsWith(text, i, "https://");

    /// <summary>Tries a URL at <paramref name="i"/>; returns its end, or <paramref name="i"/> when none.</summary>
    private int TryUrl(ExtractionInput input, ICollection<Mention> entities, int i, ref long reads)
    {
        var text = input.Normalised.Text;
        var hostStart = i;
        var scheme = false;
        if (StartsWith(text, i, "https://"))
        {
            hostStart = i + 8;
            scheme = true;
        }
        else if (StartsWith(text, i, "http://"))
        {
            hostStart = i + 7;
            scheme = true;
        }

        if (scheme)
        {
            hostStart = SkipUserInfo(text, hostStart, ref reads);
        }

        if (!ReadHost(text, hostStart, scheme, out var hostEnd, out var labels, out var lastLabelStart, ref reads))
        {
            return i;
        }

        var host = text.AsSpan(hostStart, hostEnd - hostStart);
        var tld = text.AsSpan(lastLabelStart, hostEnd - lastLabelStart);
        if (!scheme)
        {
            if (labels < 2)
            {
                return i;
            }

            if (!(BareTldAllowed(tld) || IsProfileHost(host)))
            {
                if (!TryIdnTldPrefix(text, lastLabelStart, hostEnd, out hostEnd))
                {
                    return i;
                }

                host = text.AsSpan(hostStart, hostEnd - hostStart);
            }
            else if (hostEnd < text.Length && text[hostEnd] is '@' or '_' or '-')
            {
                return i;
            }
        }
        else if (labels < 2 ? !tld.Equals("localhost", StringComparison.OrdinalIgnoreCase) : !(SchemeTldValid(tld) || IsIPv4(host)))
        {
            return i;
        }
        else if (hostEnd < text.Length && text[hostEnd] is '_' or '@' or '-')
        {
            return i;
        }

        var end = hostEnd;
        var portOk = true;
        if (end < text.Length && text[end] == ':')
        {
            var p = end + 1;
            while (p < text.Length && p - end <= 6 && char.IsAsciiDigit(text[p]))
            {
                p++;
            }

            reads += p - end;

            if (p == end + 1)
            {
                // "google.com: no port": the colon is punctuation and the URL ends before it.
                portOk = false;
            }
            else if (!int.TryParse(text.AsSpan(end + 1, p - end - 1), out var port) || port > 65535)
            {
                return i;
            }
            else
            {
                end = p;
            }
        }

        var pathStart = end;
        var tco = host.Equals("t.co", StringComparison.OrdinalIgnoreCase);
        if (portOk && end < text.Length && text[end] is '/' or '?' or '#')
        {
            end = tco ? ScanTcoPath(text, pathStart, ref reads) : ScanPath(input, pathStart, Math.Min(text.Length, i + MaxUrl), ref reads);
            if (end < 0)
            {
                return i;
            }
        }

        // The value and profile checks read the URL once more.
        reads += end - i;
        var hostLower = EmailScanner.Lower(host);
        if (TryProfile(input, entities, hostLower, text, i, pathStart, end))
        {
            return end;
        }

        var value = BuildValue(hostLower, text.AsSpan(hostEnd, end - hostEnd));
        entities.Add(input.Mention(EntityType.Url, value, i, end, scheme ? 0.95 : 0.85, Name));
        return end;
    }

    private static bool StartsWith(string text, int i, string prefix) =>
        i + prefix.Length <= text.Length && text.AsSpan(i, prefix.Length).Equals(prefix, StringComparison.OrdinalIgnoreCase);

    private static int SkipUserInfo(string text, int start, ref long reads)
    {
        var p = start;
        while (p < text.Length && p - start < 64 && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is ':' or '.' or '_' or '-' or '%'))
        {
            p++;
        }

        reads += p - start + 1;

        return p < text.Length && text[p] == '@' && p > start ? p + 1 : start;
    }

    /// <summary>Reads dot-separated labels; false when a label is malformed (a '-' or '_' at either end, too long, or an
    /// '_' in the registered domain or TLD).</summary>
    /// <remarks>A scheme host's labels may mix scripts and hold symbols ("http://✪df.ws"); a bare label is one script.</remarks>
    private static bool ReadHost(string text, int start, bool scheme, out int end, out int labels, out int lastLabelStart, ref long reads)
    {
        labels = 0;
        lastLabelStart = start;
        end = start;
        var lastUnderscoreLabel = -1;
        var firstScript = ScriptOf(text[start < text.Length ? start : 0]);
        var p = start;
        while (p < text.Length && p - start < MaxHost)
        {
            var labelStart = p;
            var script = ScriptOf(text[p]);
            if (script == Script.None && !(scheme && IsHostSymbol(text[p])))
            {
                break;
            }

            var tldCut = false;
            while (p < text.Length && p - labelStart <= MaxLabel)
            {
                var c = text[p];
                if (c < 0x80)
                {
                    if (char.IsAsciiLetterOrDigit(c) ? !scheme && script != Script.Latin : c is not ('-' or '_'))
                    {
                        break;
                    }

                    if (c == '_')
                    {
                        lastUnderscoreLabel = labels;
                    }
                }
                else if (!IsLabelChar(c, scheme, script))
                {
                    break;
                }
                else if (scheme && labels > 0 && IsCjk(c) && char.IsAsciiLetter(text[p - 1]) && DomainNames.TldLookup.Contains(text.AsSpan(labelStart, p - labelStart)))
                {
                    // "http://example.comだよね": a known TLD followed by CJK text ends the host.
                    tldCut = true;
                    break;
                }

                p++;
            }

            reads += p - labelStart + 1;
            if (p - labelStart > MaxLabel || text[p - 1] is '-' or '_' || (p - labelStart > 4 && IsNonAsciiPunycode(text.AsSpan(labelStart, p - labelStart))))
            {
                return false;
            }

            labels++;
            lastLabelStart = labelStart;
            end = p;
            if (!tldCut && (scheme || script == firstScript) && p + 1 < text.Length && text[p] == '.')
            {
                var next = ScriptOf(text[p + 1]);
                if (scheme ? next != Script.None || IsHostSymbol(text[p + 1]) : next == firstScript || next is Script.Cjk or Script.Other)
                {
                    // A bare host is one script; only its last label (an internationalised TLD) may differ.
                    p++;
                    continue;
                }
            }

            break;
        }

        return labels > 0 && (lastUnderscoreLabel < 0 || lastUnderscoreLabel < labels - 2) && end - start <= MaxHost;
    }

    /// <summary>Whether a non-ASCII character continues a host label.</summary>
    private static bool IsLabelChar(char c, bool scheme, Script script)
    {
        var s = ScriptOf(c);
        return scheme ? s != Script.None || IsHostSymbol(c) : s == script;
    }

    private static bool IsNonAsciiPunycode(ReadOnlySpan<char> label)
    {
        if (!label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var c in label)
        {
            if (c >= 0x80)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Symbols a scheme host may hold ("http://✪df.ws"); emoji (surrogate pairs) are not read.</summary>
    private static bool IsHostSymbol(char c) => c >= 0x80 && !char.IsSurrogate(c) && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherSymbol;

    /// <summary>A dotted-quad IPv4 address ("http://172.26.142.48/").</summary>
    private static bool IsIPv4(ReadOnlySpan<char> host)
    {
        var parts = 0;
        foreach (var range in host.Split('.'))
        {
            var part = host[range];
            if (++parts > 4 || part.Length is 0 or > 3 || !int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > 255)
            {
                return false;
            }
        }

        return parts == 4;
    }

    /// <summary>A scheme URL's TLD: letters (any script, two or more) or an "xn--" punycode label.</summary>
    private static bool SchemeTldValid(ReadOnlySpan<char> tld)
    {
        if (tld.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return tld.Length > 4;
        }

        if (tld.Length < 2)
        {
            return false;
        }

        foreach (var c in tld)
        {
            if (!char.IsLetter(c) && !IsMark(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The script classes that bound a bare domain.</summary>
    private enum Script : byte
    {
        None,
        Latin,
        Cjk,
        Other,
    }

    /// <summary>Latin (ASCII letters and digits, Latin accented letters), CJK (no spaces between words), other letters
    /// and combining marks, or none (punctuation, symbols, spaces).</summary>
    private static Script ScriptOf(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) ? Script.Latin : Script.None;
        }

        if (c is (>= '\u00C0' and <= '\u024F' and not '\u00D7' and not '\u00F7') or (>= '\u1E00' and <= '\u1EFF'))
        {
            return Script.Latin;
        }

        if (IsCjk(c))
        {
            return char.IsLetterOrDigit(c) ? Script.Cjk : Script.None;
        }

        return char.IsLetterOrDigit(c) || IsMark(c) ? Script.Other : Script.None;
    }

    private static bool IsCjk(char c) =>
        c is (>= '\u1100' and <= '\u11FF') or (>= '\u2E80' and <= '\u9FFF') or (>= '\uA960' and <= '\uA97F') or
            (>= '\uAC00' and <= '\uD7FF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF');

    private static bool IsMark(char c) => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or
        System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>Scans a path from '/', '?' or '#' and returns its end, or -1 when none.</summary>
    /// <remarks>
    /// One pass with a counter per bracket kind: a closing bracket with no opener in the URL ends it ("(see x.com/a)"),
    /// and the URL ends at the last point where every bracket and double quote is closed ("x.com/wiki/A_(b)" keeps
    /// its ')', "x.com/a(b" stops before '('). A double quote opens only after a word character and may enclose only
    /// word characters ("x.com/a_"b"", not "x.com/a","y.com"). Then trailing . , ; : ! ? *, an unpaired trailing "'"
    /// and a possessive "'s" are trimmed.
    /// </remarks>
    private static int ScanPath(ExtractionInput input, int pathStart, int limit, ref long reads)
    {
        var text = input.Normalised.Text;
        int paren = 0, square = 0, curly = 0, quoteOpen = -1, apostrophes = 0, apostrophesAtBalanced = 0;
        var lastBalanced = pathStart;
        for (var p = pathStart; p < limit && p - lastBalanced <= MaxOpenGroup; p++)
        {
            reads++;
            var c = text[p];
            if (quoteOpen >= 0)
            {
                if (c == '"')
                {
                    quoteOpen = -1;
                }
                else if (!IsQuotedChar(c))
                {
                    break;
                }
            }
            else if (c < 0x80)
            {
                if (!IsAsciiPathChar(c) || (c == '|' && !IsAsciiInOriginal(input, p)))
                {
                    break;
                }

                if (c is '(' or '[' or '{' or ')' or ']' or '}' or '"' or '\'' && !Bracket(text, p, pathStart, ref paren, ref square, ref curly, ref quoteOpen, ref apostrophes))
                {
                    break;
                }
            }
            else
            {
                // CJK text glued to a path ends it ("x.com/path中国語"), as does punctuation outside ASCII.
                var s = ScriptOf(c);
                if (s is Script.None or Script.Cjk)
                {
                    break;
                }
            }

            if ((paren | square | curly) == 0 && quoteOpen < 0)
            {
                lastBalanced = p + 1;
                apostrophesAtBalanced = apostrophes;
            }
        }

        var end = lastBalanced;
        apostrophes = apostrophesAtBalanced;
        while (end > pathStart)
        {
            reads++;
            var c = text[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '*')
            {
                end--;
            }
            else if (c == '\'' && apostrophes % 2 == 1)
            {
                end--;
                apostrophes--;
            }
            else if (c is 's' or 'S' && end - 2 > pathStart && text[end - 2] == '\'' && apostrophes % 2 == 1)
            {
                // "http://t.co/abc's website": a possessive, not part of the URL.
                end -= 2;
                apostrophes--;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    /// <summary>Counts a bracket or quote; false when it ends the path (an unmatched closer, a quote not after a word).</summary>
    private static bool Bracket(string text, int p, int pathStart, ref int paren, ref int square, ref int curly, ref int quoteOpen, ref int apostrophes)
    {
        switch (text[p])
        {
            case '(':
                paren++;
                return true;
            case '[':
                square++;
                return true;
            case '{':
                curly++;
                return true;
            case ')':
                return paren-- > 0;
            case ']':
                return square-- > 0;
            case '}':
                return curly-- > 0;
            case '"':
                if (p > pathStart && (char.IsLetterOrDigit(text[p - 1]) || text[p - 1] is '_' or '-' or '='))
                {
                    quoteOpen = p;
                    return true;
                }

                return false;
            default:
                apostrophes++;
                return true;
        }
    }

    /// <summary>Whether normalised position <paramref name="p"/> was written as itself ('|', not the fullwidth '｜' that
    /// NFKC folds to it and that CJK text uses as a separator).</summary>
    private static bool IsAsciiInOriginal(ExtractionInput input, int p)
    {
        var (start, end) = input.Normalised.ToOriginal(p, p + 1);
        return end == start + 1 && input.Text[start] == input.Normalised.Text[p];
    }

    private static bool IsQuotedChar(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '\'' : ScriptOf(c) is Script.Latin or Script.Other;

    private static bool IsAsciiPathChar(char c) => c > ' ' && c < 0x7F && c is not ('<' or '>' or '`' or '\\' or '^');

    /// <summary>t.co links are a slug of up to 40 letters and digits; a longer slug is not a t.co link.</summary>
    private static int ScanTcoPath(string text, int pathStart, ref long reads)
    {
        if (text[pathStart] != '/')
        {
            return pathStart;
        }

        var p = pathStart + 1;
        while (p < text.Length && p - pathStart <= 41 && char.IsAsciiLetterOrDigit(text[p]))
        {
            p++;
        }

        reads += p - pathStart;
        return p - pathStart - 1 > 40 ? -1 : p;
    }

    // Internationalised TLDs read on bare domains ("президент.рф", "twitter.みんな").
    private static readonly string[] IdnTlds = ["рф", "рус", "укр", "бел", "срб", "онлайн", "сайт", "орг", "ком", "中国", "中國", "公司", "网络", "在线", "みんな", "コム", "닷컴", "한국", "香港", "台灣", "台湾"];

    /// <summary>A bare domain's last label that is or starts with an internationalised TLD ("みんなです" → "みんな").</summary>
    private static bool TryIdnTldPrefix(string text, int tldStart, int tldEnd, out int end)
    {
        end = tldEnd;
        var label = text.AsSpan(tldStart, tldEnd - tldStart);
        if (label.IsEmpty || label[0] < 0x80)
        {
            return false;
        }

        foreach (var t in IdnTlds)
        {
            if (label.Equals(t, StringComparison.Ordinal) || (IsCjk(label[0]) && label.StartsWith(t, StringComparison.Ordinal)))
            {
                end = tldStart + t.Length;
                return true;
            }
        }

        return false;
    }

    private static bool BareTldAllowed(ReadOnlySpan<char> tld) =>
        DomainNames.TldLookup.Contains(tld) && !IsLowerOrUpper(tld, "to", "it", "in", "at", "no", "me", "my", "id", "be", "is", "so", "am", "pm", "us", "invalid");

    private static bool IsLowerOrUpper(ReadOnlySpan<char> tld, params ReadOnlySpan<string> words)
    {
        foreach (var w in words)
        {
            if (tld.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsProfileHost(ReadOnlySpan<char> host)
    {
        if (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            host = host[4..];
        }

        return host.Length <= 20 && ProfileHosts.ByHost.ContainsKey(EmailScanner.Lower(host));
    }
}
