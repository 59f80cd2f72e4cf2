using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk;

/// <summary>Turns a <see cref="RiskAssessment"/> into a <see cref="RiskExplanation"/> with text excerpts.</summary>
/// <remarks>Pure and thread-safe. Excerpts keep the ad text's length within the window so highlight offsets stay exact.</remarks>
public static class RiskExplainer
{
    /// <summary>Explains one assessment.</summary>
    /// <param name="assessment">The cluster's assessment.</param>
    /// <param name="indicators">The indicator set that produced it (for descriptions and sources).</param>
    /// <param name="findAd">Looks up an ad by key (text and identifier spans); null when the ad is unknown.</param>
    /// <param name="options">Redaction and context size.</param>
    public static RiskExplanation Explain(RiskAssessment assessment, IndicatorSet indicators, Func<string, RiskAd?> findAd, RiskExplanationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(findAd);
        options ??= RiskExplanationOptions.Default;
        var byId = indicators.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var list = new List<IndicatorExplanation>();
        foreach (var c in assessment.Contributions)
        {
            byId.TryGetValue(c.IndicatorId, out var def);
            var subjects = c.Subjects.Select(s => s.Type.ToName() + " " + (options.Redact ? Redactor.Mask(s.Value) : s.Value)).ToList();
            var excerpts = c.Evidence.Select(e => Excerpt(e, findAd(e.AdKey), options)).ToList();
            list.Add(new IndicatorExplanation(c.IndicatorId, c.Name, def?.Description ?? "", def?.Source ?? "", c.Strength, c.Points, c.Summary, subjects, excerpts)
            {
                Caution = c.Caution,
                IsReviewFlag = c.IsReviewFlag,
            });
        }

        return new RiskExplanation(assessment.ClusterId, assessment.Score, indicators.Caveat, indicators.Sha256, list);
    }

    /// <summary>Moves <paramref name="from"/> forward to a word start and <paramref name="to"/> back to a word end, when the
    /// window cuts a word and a boundary lies between the edge and the evidence span.</summary>
    internal static (int From, int To) WordBoundaries(string text, int from, int to, int spanStart, int spanEnd)
    {
        if (from > 0 && !char.IsWhiteSpace(text[from - 1]) && !char.IsWhiteSpace(text[from]))
        {
            for (var i = from; i < spanStart; i++)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    from = i + 1;
                    break;
                }
            }
        }

        if (to < text.Length && to > 0 && !char.IsWhiteSpace(text[to]) && !char.IsWhiteSpace(text[to - 1]))
        {
            for (var i = to - 1; i >= Math.Max(spanEnd, from); i--)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    to = i;
                    break;
                }
            }
        }

        return (from, Math.Max(from, to));
    }

    /// <summary>An excerpt of <paramref name="ad"/> around <paramref name="evidence"/>'s span (or the ad's start when it has none).</summary>
    public static EvidenceExcerpt Excerpt(RiskEvidence evidence, RiskAd? ad, RiskExplanationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        options ??= RiskExplanationOptions.Default;
        var text = ad?.Text ?? "";
        var context = Math.Max(0, options.ContextChars);
        var spanStart = Math.Clamp(evidence.Start, 0, text.Length);
        var spanEnd = Math.Clamp(evidence.End, spanStart, text.Length);
        int from, to;
        if (spanEnd > spanStart)
        {
            from = Math.Max(0, spanStart - context);
            to = Math.Min(text.Length, spanEnd + context);
        }
        else
        {
            (from, to) = (0, Math.Min(text.Length, 2 * context));
            spanStart = spanEnd = 0;
        }

        // Cut at word boundaries: an excerpt starts after a space and ends before one (within the context, never into the span).
        (from, to) = WordBoundaries(text, from, to, spanEnd > spanStart ? spanStart : from, spanEnd > spanStart ? spanEnd : from);

        // Do not cut a surrogate pair in half at either edge.
        if (from > 0 && char.IsLowSurrogate(text[from]))
        {
            from--;
        }

        if (to < text.Length && to > 0 && char.IsHighSurrogate(text[to - 1]))
        {
            to++;
        }

        var chars = text.ToCharArray(from, to - from);
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        if (options.Redact && ad is not null)
        {
            foreach (var m in ad.Entities)
            {
                if (m.Type != EntityType.Image && m.End > from && m.Start < to && m.Start >= 0 && m.End <= text.Length)
                {
                    // Mask the whole mention first, then copy the part inside the window, so a mention cut by
                    // the window edge does not reveal more than its last 2-4 characters.
                    var masked = Redactor.Mask(text[m.Start..m.End]);
                    for (var p = Math.Max(m.Start, from); p < Math.Min(m.End, to); p++)
                    {
                        chars[p - from] = masked[p - m.Start];
                    }
                }
            }
        }

        return new EvidenceExcerpt(evidence.AdKey, evidence.Note, new string(chars), spanStart - (spanEnd > spanStart ? from : 0), spanEnd - (spanEnd > spanStart ? from : 0), evidence.Start, evidence.End)
        {
            TruncatedStart = from > 0,
            TruncatedEnd = to < text.Length,
        };
    }
}
