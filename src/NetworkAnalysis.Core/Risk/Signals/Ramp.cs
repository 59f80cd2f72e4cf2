namespace NetworkAnalysis.Core.Risk.Signals;

/// <summary>Maps counts and shares to strengths in [0,1].</summary>
internal static class Ramp
{
    /// <summary>0 for one item or fewer, 1 at <paramref name="saturation"/> items, linear between.</summary>
    public static double Count(int n, double saturation) =>
        n <= 1 ? 0 : saturation <= 1 ? 1 : Math.Clamp((n - 1) / (saturation - 1), 0, 1);

    /// <summary><paramref name="value"/> / <paramref name="saturation"/>, clamped to [0,1].</summary>
    public static double Share(double value, double saturation) =>
        value <= 0 ? 0 : saturation <= 0 ? 1 : Math.Clamp(value / saturation, 0, 1);

    /// <summary>A UTC date for notes.</summary>
    public static string Date(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds the spans of <paramref name="entity"/> in <paramref name="ad"/> as evidence.</summary>
    public static void AddEntitySpans(EvidenceSink sink, AdFacts ad, RiskEntityRef entity, string note)
    {
        var any = false;
        foreach (var m in ad.Ad.Entities)
        {
            if (m.Type == entity.Type && m.Value == entity.Value)
            {
                sink.Add(ad.Key, m.Start, m.End, note);
                any = true;
            }
        }

        if (!any)
        {
            sink.Add(ad.Key, 0, 0, note);
        }
    }
}
