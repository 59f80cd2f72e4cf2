using NetworkAnalysis.Core.Extraction.Handles;

namespace NetworkAnalysis.Core.Extraction.Extractors;

public sealed partial class HandleExtractor
{
    private bool TryValue(ExtractionInput input, ICollection<Mention> entities, EntityType type, int labelEnd, bool strict, bool atRequired)
    {
        var text = input.Normalised.Text;
        var p = SkipToValue(text, labelEnd, out var sawStrictSeparator);
        if (p < 0 || (strict && !sawStrictSeparator && !(p < text.Length && text[p] == '@')))
        {
            return false;
        }

        if (AcceptsPhone(type))
        {
            foreach (var phone in input.Phones)
            {
                // The number is the value only when it is not glued to letters or digits of a longer ID ("a7025550143").
                if (phone.Start >= p - 2 && phone.Start <= p + 2 && !GluedToWord(text, phone.Start, phone.End))
                {
                    entities.Add(input.Mention(type, phone.E164, phone.Start, phone.End, 0.9, Name));
                    return true;
                }
            }
        }

        if (type is EntityType.Zelle or EntityType.AppleCash or EntityType.Paypal)
        {
            foreach (var email in input.Emails)
            {
                if (email.Start == p)
                {
                    entities.Add(input.Mention(type, email.Canonical, email.Start, email.End, 0.9, Name));
                    return true;
                }
            }
        }

        if (type is EntityType.Zelle or EntityType.AppleCash or EntityType.Whatsapp)
        {
            return false;
        }

        return TryHandle(input, entities, type, p, atRequired);
    }

    private static bool GluedToWord(string text, int start, int end) =>
        (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) || (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'));

    private static bool AcceptsPhone(EntityType type) =>
        type is EntityType.Zelle or EntityType.AppleCash or EntityType.Whatsapp or EntityType.Paypal or EntityType.Wechat
            or EntityType.Telegram or EntityType.Venmo;

    private bool TryHandle(ExtractionInput input, ICollection<Mention> entities, EntityType type, int p, bool atRequired)
    {
        var text = input.Normalised.Text;
        var start = p;
        var hasAt = p < text.Length && text[p] is '@' or '$';
        if (hasAt && text[p] == '$' && type != EntityType.Cashtag)
        {
            return false;
        }

        if (atRequired && !hasAt)
        {
            return false;
        }

        var q = hasAt ? p + 1 : p;
        if (hasAt && text[p] == '@' && q + 1 < text.Length && text[q] == ' ' && char.IsAsciiLetterOrDigit(text[q + 1]))
        {
            // "Twitter @ Name": one space after the '@'.
            q++;
        }

        var handleStart = q;
        var (min, max) = HandleRules.Length(type);
        while (q < text.Length && q - handleStart <= max && HandleRules.IsHandleChar(type, text[q]))
        {
            q++;
        }

        while (q > handleStart && text[q - 1] is '.' or '-')
        {
            q--;
        }

        var handle = text.AsSpan(handleStart, q - handleStart);
        if (handle.Length < min || handle.Length > max || (q < text.Length && text[q] is '@' or '/') || !ContainsLetter(handle)
            || StartsEmail(input, handleStart) || StartsPhone(input, handleStart) || InsideEmail(input, start, q)
            || !char.IsAsciiLetterOrDigit(handle[0]) || (HandleRules.StartsWithLetter(type) && !char.IsAsciiLetter(handle[0]))
            || HandleRules.NotHandleLookup.Contains(handle))
        {
            return false;
        }

        var value = type == EntityType.Cashtag ? "$" + handle.ToString().ToLowerInvariant() : handle.ToString().ToLowerInvariant();
        entities.Add(input.Mention(type, value, start, q, hasAt ? 0.9 : 0.8, Name));
        return true;
    }

    private static bool StartsEmail(ExtractionInput input, int start)
    {
        foreach (var email in input.Emails)
        {
            if (email.Start == start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether [start, end) overlaps an e-mail address ("x@example.com" holds no X handle "@example").</summary>
    private static bool InsideEmail(ExtractionInput input, int start, int end)
    {
        foreach (var email in input.Emails)
        {
            if (email.Start < end && start < email.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsPhone(ExtractionInput input, int start)
    {
        foreach (var phone in input.Phones)
        {
            if (phone.Start >= start - 2 && phone.Start <= start + 2 && !GluedToWord(input.Normalised.Text, phone.Start, phone.End))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsLetter(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsAsciiLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Skips separators and filler words after a label; returns where the value starts, or -1.</summary>
    private static int SkipToValue(string text, int p, out bool sawStrictSeparator)
    {
        sawStrictSeparator = false;
        var start = p;
        var fillers = 0;
        var newlines = 0;
        while (p < text.Length && p - start <= MaxSkip)
        {
            var c = text[p];
            if (c is ':' or '-' or '=' or '>' or '~' or '|' or '\u2192' or '\u27A1')
            {
                sawStrictSeparator = true;
                p++;
            }
            else if (c is ' ' or '\t' or ',' or '(' or '[')
            {
                p++;
            }
            else if (c == '\n')
            {
                if (++newlines > 1)
                {
                    return -1;
                }

                p++;
            }
            else if (char.IsAsciiLetter(c))
            {
                var j = p;
                while (j < text.Length && char.IsAsciiLetter(text[j]))
                {
                    j++;
                }

                if (fillers < 3 && (j == text.Length || !char.IsAsciiLetterOrDigit(text[j]) && text[j] is not ('_' or '.' or '-' or '@'))
                    && HandleRules.FillerLookup.Contains(text.AsSpan(p, j - p)))
                {
                    fillers++;
                    sawStrictSeparator |= j - p == 2 && text.AsSpan(p, 2).Equals("id", StringComparison.OrdinalIgnoreCase);
                    p = j;
                    continue;
                }

                return p;
            }
            else
            {
                return p;
            }
        }

        return -1;
    }
}
