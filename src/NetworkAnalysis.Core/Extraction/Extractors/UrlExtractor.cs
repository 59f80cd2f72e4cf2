using NetworkAnalysis.Core.Extraction.Emails;
using NetworkAnalysis.Core.Extraction.Handles;
using NetworkAnalysis.Core.Extraction.Phones;

namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds URLs and bare domains; profile URLs of known platforms become that platform's handle instead.</summary>
/// <remarks>
/// Scheme URLs (http, https) accept any host; bare domains need a known TLD and a word boundary (not after '@', '/',
/// '_' or '-'). Trailing sentence punctuation is trimmed. Value: lower case, without scheme, "www." and trailing '/'.
/// "instagram.com/mia", "t.me/mia", "wa.me/15551234567", "paypal.me/mia", "cash.app/$mia" give the platform type.
/// </remarks>
public sealed partial class UrlExtractor : IEntityExtractor
{
    private const int MaxUrl = 2048;

    /// <inheritdoc/>
    public string Name => "url";

    /// <inheritdoc/>
    public void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes)
    {
        var text = input.Normalised.Text;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c) || (i > 0 && IsBlockedBefore(text[i - 1])))
            {
                i++;
                continue;
            }

            var end = TryUrl(input, entities, i);
            if (end > i)
            {
                i = end;
                continue;
            }

            // Skip the rest of this word.
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_'))
            {
                i++;
            }

            i++;
        }
    }

    private static bool IsBlockedBefore(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '/' or '_' or '-' or '.' or '$' or '\\' or ':';

    /// <summary>Tries a URL at <paramref name="i"/>; returns its end, or <paramref name="i"/> when none.</summary>
    private int TryUrl(ExtractionInput input, ICollection<Mention> entities, int i)
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
            hostStart = SkipUserInfo(text, hostStart);
        }

        var hostEnd = ReadHost(text, hostStart, out var labels, out var lastLabelStart);
        if (hostEnd <= hostStart || text[hostEnd - 1] == '-' || text[hostStart] == '-')
        {
            return i;
        }

        var host = text.AsSpan(hostStart, hostEnd - hostStart);
        if (!scheme)
        {
            var tld = text.AsSpan(lastLabelStart, hostEnd - lastLabelStart);
            if (labels < 2 || !(BareTldAllowed(tld) || IsProfileHost(host)) || (hostEnd < text.Length && (char.IsAsciiLetterOrDigit(text[hostEnd]) || text[hostEnd] is '@' or '_' or '-')))
            {
                return i;
            }
        }
        else if (hostEnd < text.Length && text[hostEnd] is '_' or '@')
        {
            return i;
        }

        var end = hostEnd;
        if (end < text.Length && text[end] == ':')
        {
            var p = end + 1;
            while (p < text.Length && p - end <= 6 && char.IsAsciiDigit(text[p]))
            {
                p++;
            }

            if (p == end + 1 || !int.TryParse(text.AsSpan(end + 1, p - end - 1), out var port) || port > 65535)
            {
                return scheme ? i : i;
            }

            end = p;
        }

        var pathStart = end;
        if (end < text.Length && text[end] is '/' or '?' or '#')
        {
            while (end < text.Length && end - i < MaxUrl && IsPathChar(text[end]))
            {
                end++;
            }

            while (end > pathStart && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '\'' or '"' or ']' or '*')
            {
                end--;
            }
        }

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

    private static int SkipUserInfo(string text, int start)
    {
        var p = start;
        while (p < text.Length && p - start < 64 && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is ':' or '.' or '_' or '-' or '%'))
        {
            p++;
        }

        return p < text.Length && text[p] == '@' && p > start ? p + 1 : start;
    }

    private static int ReadHost(string text, int start, out int labels, out int lastLabelStart)
    {
        labels = 0;
        lastLabelStart = start;
        var p = start;
        while (p < text.Length && p - start < 253)
        {
            var labelStart = p;
            while (p < text.Length && p - labelStart < 63 && (char.IsAsciiLetterOrDigit(text[p]) || text[p] == '-'))
            {
                p++;
            }

            if (p == labelStart)
            {
                return labels == 0 ? start : labelStart - 1;
            }

            labels++;
            lastLabelStart = labelStart;
            if (p + 1 < text.Length && text[p] == '.' && char.IsAsciiLetterOrDigit(text[p + 1]))
            {
                p++;
                continue;
            }

            break;
        }

        return p;
    }

    private static bool BareTldAllowed(ReadOnlySpan<char> tld) =>
        DomainNames.TldLookup.Contains(tld) && !IsLowerOrUpper(tld, "to", "it", "in", "at", "no", "me", "my", "id", "be", "is", "so", "am", "pm", "us");

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

    private static bool IsPathChar(char c) => c > ' ' && c < 0x7F && c is not ('<' or '>' or '"' or '`' or '{' or '}' or '|' or '\\' or '^');
}
